using Vibe.Domain.Runs;

namespace Vibe.Application.Executors.SharedActions;

/// <summary>{"action": "log", "message": "Found ${count} invoices", "level": "info"}: writes a line to the run log.</summary>
public sealed class LogAction : ISharedAction
{
    public ActionDescriptor Descriptor { get; } = new("log", "Write a line to the run log", "message");

    public ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var level = step.Parameters.GetOptionalString("level")?.ToLowerInvariant() switch
        {
            null or "info" => RunLogLevel.Info,
            "warning" or "warn" => RunLogLevel.Warning,
            "error" => RunLogLevel.Error,
            "debug" => RunLogLevel.Debug,
            var other => throw new StepFailedException($"step {step.Step.DisplayName}: level '{other}' is not one of info, warning, error, debug"),
        };
        step.Log(step.Parameters.GetString("message"), level);
        return ValueTask.CompletedTask;
    }
}
