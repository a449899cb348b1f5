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
}

public static class TriggerKindExtensions
{
    /// <summary>Runs a person asked for jump ahead of scheduled work in the queue.</summary>
    public static int QueuePriority(this TriggerKind trigger) =>
        trigger is TriggerKind.Manual or TriggerKind.Rerun ? 0 : 1;
}
