namespace Vibe.Domain.Runs;

/// <summary>What caused a run to be queued.</summary>
public enum TriggerKind
{
    /// <summary>An operator asked for it (<c>vibe run-now</c>).</summary>
    Manual,

    /// <summary>The robot's schedule fired.</summary>
    Scheduled,

    /// <summary>An operator re-ran an earlier run (<c>vibe rerun</c>).</summary>
    Rerun,

    /// <summary>The robot's retry policy queued another attempt after a failure.</summary>
    Retry,

    /// <summary>
    /// The service stopped while the attempt ran (stop-service, restart, SIGTERM after the grace period): the same
    /// attempt queued again, first in line; it does not count against maxAttempts.
    /// </summary>
    Resumed,
}

public static class TriggerKindExtensions
{
    /// <summary>Interrupted work resumes first; runs a person asked for jump ahead of scheduled work in the queue.</summary>
    public static int QueuePriority(this TriggerKind trigger) => trigger switch
    {
        TriggerKind.Resumed => -1,
        TriggerKind.Manual or TriggerKind.Rerun => 0,
        _ => 1,
    };
}
