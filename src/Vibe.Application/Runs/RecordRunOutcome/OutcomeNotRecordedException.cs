using Vibe.Application.Common.Errors;

namespace Vibe.Application.Runs.RecordRunOutcome;

/// <summary>
/// A run executed, but the store could not take its outcome within the transient-error retries. The outcome is safe in
/// the journal: the service's worker keeps trying, and a service that starts records it first.
/// </summary>
public sealed class OutcomeNotRecordedException(RunOutcome outcome, string journalPath, Exception inner)
    : VibeException(
        VibeErrorKind.Unavailable,
        $"run {outcome.RunId} ended {outcome.Status} but the store could not record it ({inner.Message.ReplaceLineEndings(" ")}); the outcome is kept in {journalPath} and is recorded as soon as a vibe service reaches the store")
{
    public RunOutcome Outcome { get; } = outcome;
}
