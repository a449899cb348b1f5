using Vibe.Domain.Runs;

namespace Vibe.Application.Runs;

/// <summary>
/// A run as `vibe status --json` and the dashboard's /api/runs write it (camelCase, enums as names): one shape for
/// both, so a script can move from one to the other. Steps are numbered from 1.
/// </summary>
public sealed record RunDocument(
    long Id,
    string Robot,
    RunStatus Status,
    TriggerKind Trigger,
    int Attempt,
    int MaxAttempts,
    DateTime QueuedAt,
    DateTime DueAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? Host,
    string? Error,
    int? FailedStep,
    string? FailedAction,
    long? RerunOf,
    long? RetryOf,
    DateTime? ScheduledFireTime,
    string? EvidencePath,
    string? ScreenshotPath,
    string? DefinitionHash)
{
    public static RunDocument From(RunSummary run) => new(
        run.Id, run.Robot, run.Status, run.Trigger, run.Attempt, run.MaxAttempts, run.QueuedAt, run.DueAt, run.StartedAt, run.FinishedAt,
        run.Host, run.Error, run.FailedStepIndex is { } i ? i + 1 : null, run.FailedAction, run.RerunOfId, run.RetryOfId, run.ScheduledFireTime,
        run.EvidencePath, run.ScreenshotPath, run.DefinitionHash);
}
