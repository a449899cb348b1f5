namespace Vibe.Infrastructure.Service;

/// <summary>Up to which moment the housekeeping may take an unrecorded fire time for a missed one.</summary>
internal static class CatchUpCutoff
{
    /// <summary>How long a host may take from firing a fire time to recording it in the store.</summary>
    public static readonly TimeSpan RecordingGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Fire times before this host's scheduler started can no longer fire here: they are missed once a few seconds
    /// old, the time another host that fired one needs to record it (a host joining a cluster must not take another's
    /// fire time of a moment ago for a missed one: with misfire "skip" it would never run). Later fire times get the
    /// misfire threshold first, as Quartz may still fire them late.
    /// </summary>
    public static DateTime Until(DateTime schedulerStartedAt, DateTime now, TimeSpan misfireThreshold)
    {
        var beforeStart = Min(schedulerStartedAt.AddMilliseconds(-1), now - RecordingGrace);
        return Max(beforeStart, now - misfireThreshold);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
