namespace Vibe.Infrastructure.Service;

/// <summary>What this process's worker is doing, for the heartbeat that `vibe status` reads.</summary>
internal sealed class WorkerState
{
    private long _currentRunId;

    public long? CurrentRunId => Interlocked.Read(ref _currentRunId) is var id && id != 0 ? id : null;

    public void SetCurrent(long? runId) => Interlocked.Exchange(ref _currentRunId, runId ?? 0);

    /// <summary>When the scheduler put its triggers in place; fire times before it are for the catch-up to handle.</summary>
    public DateTime SchedulerStartedAt { get; set; } = DateTime.MaxValue;

    /// <summary>When each robot got its trigger with its current cron and time zone: the catch-up looks for gaps after it.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> ScheduledSince { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per robot, the latest fire time Quartz fired but the store could not record. Quartz will not fire it again, so
    /// the catch-up need not wait the misfire threshold for it: every fire time of an outage is handled in the first
    /// round after the store returns, and runOnce makes one catch-up run for all of them, not one per round.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> UnrecordedFireTimes { get; } = new(StringComparer.OrdinalIgnoreCase);
}
