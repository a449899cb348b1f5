using Vibe.Application.Runs.RecordRunOutcome;

namespace Vibe.Application.Common.Interfaces;

/// <summary>
/// Outcomes of runs that have executed but are not yet in the store, kept on this host's disk. A run's outcome is
/// kept here before the store is tried, and forgotten once the store has it: a store outage, a stop or a crash in
/// between cannot drop it, and the robot is never executed again for want of it.
/// </summary>
public interface IOutcomeJournal
{
    /// <summary>Writes the outcome durably (flushed to disk) before returning.</summary>
    void Keep(RunOutcome outcome);

    /// <summary>Removes the run's outcome once the store holds it.</summary>
    void Forget(long runId);

    /// <summary>Every outcome still waiting for the store, oldest run first.</summary>
    IReadOnlyList<RunOutcome> Pending();

    /// <summary>Where the run's outcome is kept, for messages.</summary>
    string PathOf(long runId);
}
