using Vibe.Application.Runs;
using Vibe.Domain.Robots;

namespace Vibe.Host.Output;

/// <summary>How runs read on a terminal.</summary>
internal static class RunFormatting
{
    public static string Time(DateTime? utc) => utc is { } value ? value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss") : "-";

    public static string Attempts(RunSummary run) => $"{run.Attempt}/{run.MaxAttempts}";

    public static string Took(RunSummary run) =>
        run.StartedAt is { } start && run.FinishedAt is { } end ? Duration.Format(end - start) : "-";

    public static string Trigger(RunSummary run) => run.Trigger.ToString().ToLowerInvariant();

    /// <summary>The JSON shape of a run for --json (camelCase; times in UTC).</summary>
    public static object ToJson(RunSummary run) => new
    {
        id = run.Id,
        robot = run.Robot,
        status = run.Status,
        trigger = run.Trigger,
        attempt = run.Attempt,
        maxAttempts = run.MaxAttempts,
        queuedAt = run.QueuedAt,
        dueAt = run.DueAt,
        startedAt = run.StartedAt,
        finishedAt = run.FinishedAt,
        host = run.Host,
        error = run.Error,
        failedStep = run.FailedStepIndex is { } i ? i + 1 : (int?)null,
        failedAction = run.FailedAction,
        rerunOf = run.RerunOfId,
        retryOf = run.RetryOfId,
        scheduledFireTime = run.ScheduledFireTime,
        evidencePath = run.EvidencePath,
        screenshotPath = run.ScreenshotPath,
        definitionHash = run.DefinitionHash,
    };
}
