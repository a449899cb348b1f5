using Vibe.Domain.Runs;

namespace Vibe.Application.Runs;

/// <summary>A run as the CLI and other tools show it.</summary>
public sealed record RunSummary(
    long Id,
    string Robot,
    RunStatus Status,
    TriggerKind Trigger,
    int Attempt,
    int MaxAttempts,
    DateTime QueuedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? Host,
    string? Error)
{
    public long? RerunOfId { get; init; }

    public long? RetryOfId { get; init; }

    public DateTime? ScheduledFireTime { get; init; }

    public DateTime DueAt { get; init; }

    public int? FailedStepIndex { get; init; }

    public string? FailedAction { get; init; }

    public string? ScreenshotPath { get; init; }

    public string? EvidencePath { get; init; }

    public string? DefinitionHash { get; init; }

    public string? RequestedBy { get; init; }

    public string? CancelRequestedBy { get; init; }

    public static RunSummary From(TaskRun run) => new(
        run.Id, run.RobotName, run.Status, run.Trigger, run.Attempt, run.MaxAttempts, run.QueuedAt, run.StartedAt, run.FinishedAt, run.Host, run.Error)
    {
        RerunOfId = run.RerunOfId,
        RetryOfId = run.RetryOfId,
        ScheduledFireTime = run.ScheduledFireTime,
        DueAt = run.DueAt,
        FailedStepIndex = run.FailedStepIndex,
        FailedAction = run.FailedAction,
        ScreenshotPath = run.ScreenshotPath,
        EvidencePath = run.EvidencePath,
        DefinitionHash = run.DefinitionHash,
        RequestedBy = run.RequestedBy,
        CancelRequestedBy = run.CancelRequestedBy,
    };
}
