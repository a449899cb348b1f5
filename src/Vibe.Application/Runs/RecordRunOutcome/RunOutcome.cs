using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.RecordRunOutcome;

/// <summary>
/// How an executed run ended, as the worker knows it before the store does: kept in the outcome journal first, then
/// recorded. Holds the log lines the store has not yet received, so that recording it later loses none of them.
/// </summary>
public sealed record RunOutcome(
    long RunId,
    string Host,
    RunStatus Status,
    DateTime FinishedAt,
    string? Error,
    int? FailedStepIndex,
    string? FailedAction,
    bool TimedOut,
    bool Interrupted,
    string? EvidencePath,
    string? ScreenshotPath,
    IReadOnlyList<RunOutcomeLine> Lines);

/// <summary>A log line of the run that was not yet in the store when the run ended.</summary>
public sealed record RunOutcomeLine(DateTime Time, RunLogLevel Level, int? StepIndex, string Message)
{
    public static RunOutcomeLine From(RunLogEntry entry) => new(entry.Time, entry.Level, entry.StepIndex, entry.Message);

    public RunLogEntry ToEntry(long runId) => new(runId, Time, Level, StepIndex, Message);
}
