using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.GetRun;

/// <summary>`vibe status &lt;id&gt; --json`: the run, its log lines (steps from 1) and the attempts of its chain.</summary>
public sealed record RunDetailsDocument(RunDocument Run, IReadOnlyList<LogLineDocument> Log, IReadOnlyList<RunDocument> Attempts)
{
    public static RunDetailsDocument From(RunDetails details) => new(
        RunDocument.From(details.Run),
        details.Log.Select(line => new LogLineDocument(line.Time, line.Level, line.StepIndex is { } i ? i + 1 : null, line.Message)).ToList(),
        details.Attempts.Select(RunDocument.From).ToList());
}

public sealed record LogLineDocument(DateTime Time, RunLogLevel Level, int? Step, string Message);
