namespace Vibe.Domain.Robots;

/// <summary>When a robot runs by itself: a Quartz cron expression (seconds first) in a time zone.</summary>
public sealed record RobotSchedule(
    string Cron,
    string TimeZone,
    MisfirePolicy Misfire = MisfirePolicy.RunOnce,
    OverlapPolicy Overlap = OverlapPolicy.Skip,
    int MaxCatchUpRuns = 10);

/// <summary>What happens to fire times missed while no service was running.</summary>
public enum MisfirePolicy
{
    /// <summary>One catch-up run for all the missed fire times.</summary>
    RunOnce,

    /// <summary>No catch-up run; each missed fire time is recorded as Skipped.</summary>
    Skip,

    /// <summary>One run per missed fire time, up to MaxCatchUpRuns.</summary>
    RunAll,
}

/// <summary>What happens when a fire time comes while the robot is still queued or running.</summary>
public enum OverlapPolicy
{
    /// <summary>The fire time is recorded as Skipped.</summary>
    Skip,

    /// <summary>Another run is queued behind the current one.</summary>
    Queue,
}
