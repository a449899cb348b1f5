namespace Vibe.Domain.Runs;

/// <summary>One line of a run's log: what a step did, as the operator will read it.</summary>
public sealed class RunLogEntry
{
    public RunLogEntry(long runId, DateTime time, RunLogLevel level, int? stepIndex, string message)
    {
        RunId = runId;
        Time = time;
        Level = level;
        StepIndex = stepIndex;
        Message = message;
    }

    public long Id { get; private set; }

    public long RunId { get; private set; }

    public DateTime Time { get; private set; }

    public RunLogLevel Level { get; private set; }

    /// <summary>Zero-based index of the step that wrote it; null for lines about the run as a whole.</summary>
    public int? StepIndex { get; private set; }

    public string Message { get; private set; }
}
