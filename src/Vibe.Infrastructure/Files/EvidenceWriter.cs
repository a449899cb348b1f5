using System.Text;
using System.Text.Json;
using Vibe.Application.Executors;

namespace Vibe.Infrastructure.Files;

/// <summary>
/// Writes failure.txt (for people) and failure.json (for tools) into a failed attempt's evidence folder:
/// the failing step with its parameters, the error with its inner exceptions, the last log lines and the
/// files the executor saved. Every text passes through the secret masker.
/// </summary>
internal sealed class EvidenceWriter : IEvidenceWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly ISecretMasker _masker;

    public EvidenceWriter(ISecretMasker masker) => _masker = masker;

    public async ValueTask WriteAsync(string folder, FailureReport report, CancellationToken cancellationToken)
    {
        var errors = Chain(report.Error).Select(ex => new { type = ex.GetType().Name, message = _masker.Mask(ex.Message) }).ToList();
        var parameters = report.Step?.Parameters.ToDictionary(pair => pair.Key, pair => _masker.Mask(pair.Value.ToString()));
        var document = new
        {
            runId = report.RunId,
            robot = report.Robot,
            attempt = report.Attempt,
            maxAttempts = report.MaxAttempts,
            failedAt = report.FailedAt,
            step = report.Step is null ? null : new { index = report.Step.Index, number = report.Step.Index + 1, action = report.Step.Action, name = report.Step.Name, parameters },
            errors,
            screenshot = report.Evidence.ScreenshotPath,
            files = report.Evidence.Files,
            lastLogLines = report.LastLogLines.Select(line => new { time = line.Time, level = line.Level.ToString(), step = line.StepIndex, message = line.Message }),
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "failure.json"), JsonSerializer.Serialize(document, JsonOptions), cancellationToken);

        var text = new StringBuilder();
        text.AppendLine($"Robot:    {report.Robot}");
        text.AppendLine($"Run:      {report.RunId} (attempt {report.Attempt}/{report.MaxAttempts})");
        text.AppendLine($"Failed:   {report.FailedAt:yyyy-MM-dd HH:mm:ss} UTC");
        if (report.Step is { } step)
        {
            text.AppendLine($"Step:     {step.DisplayName}");
            foreach (var (name, value) in parameters!)
            {
                text.AppendLine($"          {name} = {value}");
            }
        }

        text.AppendLine();
        text.AppendLine("Error:");
        foreach (var error in errors)
        {
            text.AppendLine($"  {error.type}: {error.message}");
        }

        text.AppendLine();
        text.AppendLine($"Screenshot: {report.Evidence.ScreenshotPath ?? "(none: the executor could not take one)"}");
        foreach (var file in report.Evidence.Files)
        {
            text.AppendLine($"File:       {file}");
        }

        text.AppendLine();
        text.AppendLine("Last log lines:");
        foreach (var line in report.LastLogLines)
        {
            text.AppendLine($"  {line.Time:HH:mm:ss.fff} {line.Level,-7} {(line.StepIndex is { } i ? $"#{i + 1}" : "  ")} {line.Message}");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "failure.txt"), text.ToString(), cancellationToken);
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
