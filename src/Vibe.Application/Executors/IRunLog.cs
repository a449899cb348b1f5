using Vibe.Domain.Runs;

namespace Vibe.Application.Executors;

/// <summary>
/// The log of one run. Writing never blocks on the database: lines are buffered and stored in batches,
/// and flushed when the run ends. Every line is masked for secrets before it is kept or shown.
/// </summary>
public interface IRunLog : IAsyncDisposable
{
    long RunId { get; }

    void Write(RunLogLevel level, int? stepIndex, string message);

    /// <summary>
    /// Writes a line a robot's program printed. It counts against the run's output limits: false when the line was
    /// dropped because the run has printed too much. Waits while the store falls behind, so a program that prints
    /// fast is slowed down instead of filling the memory.
    /// </summary>
    ValueTask<bool> WriteOutputAsync(RunLogLevel level, int? stepIndex, string line, CancellationToken cancellationToken)
    {
        Write(level, stepIndex, line);
        return ValueTask.FromResult(true);
    }

    /// <summary>The last lines written, for the failure evidence.</summary>
    IReadOnlyList<RunLogEntry> Tail(int count);

    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Ends the log's own storing and hands over the lines the store does not have yet, so that they travel with the
    /// run's outcome (which is kept on disk before the store is tried). Logs that store nothing have none to hand over.
    /// </summary>
    ValueTask<IReadOnlyList<RunLogEntry>> DetachUnsavedAsync() => ValueTask.FromResult<IReadOnlyList<RunLogEntry>>([]);
}

/// <summary>Opens the log of a run.</summary>
public interface IRunLogFactory
{
    IRunLog Open(long runId, string robotName);
}

/// <summary>Sees every log line as it is written (the CLI prints them live).</summary>
public interface IRunLogListener
{
    void OnLine(string robotName, RunLogEntry entry);
}
