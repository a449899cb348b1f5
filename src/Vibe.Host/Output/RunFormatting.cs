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
    public static object ToJson(RunSummary run) => RunDocument.From(run);
}
