namespace Vibe.Domain.Runs;

/// <summary>Where a run is in its life. Stored as text so the database stays readable.</summary>
public enum RunStatus
{
    /// <summary>Queued, waiting for a worker (or for its due time, for a retry).</summary>
    Pending,

    /// <summary>Claimed by a worker that is executing its steps.</summary>
    Running,

    /// <summary>Every step succeeded.</summary>
    Succeeded,

    /// <summary>A step failed, the robot timed out, or the robot could not start.</summary>
    Failed,

    /// <summary>Stopped on purpose (service shutdown after the grace period, or an operator).</summary>
    Cancelled,

    /// <summary>Its worker disappeared (killed, power loss) and its lease expired.</summary>
    Abandoned,

    /// <summary>A fire time that was deliberately not run (misfire or overlap policy); the reason says why.</summary>
    Skipped,

    /// <summary>The desktop session a robot needs was not available (locked, disconnected, no display).</summary>
    SessionUnavailable,
}

public static class RunStatusExtensions
{
    /// <summary>A finished run never changes status again.</summary>
    public static bool IsFinished(this RunStatus status) => status is not (RunStatus.Pending or RunStatus.Running);

    /// <summary>Statuses that count as a failed attempt (retry and notification apply).</summary>
    public static bool IsFailure(this RunStatus status) =>
        status is RunStatus.Failed or RunStatus.Abandoned or RunStatus.SessionUnavailable;
}
