using Vibe.Domain.Runs;

namespace Vibe.Application.Executors.SharedActions;

/// <summary>{"action": "log", "message": "Found ${count} invoices", "level": "info"}: writes a line to the run log.</summary>
public sealed class LogAction : ISharedAction
{
    private static readonly ParameterDescriptor Level =
        ParameterDescriptor.Choice("level", "how the line is marked", "info", "warning", "error", "debug").DefaultsTo("info").Alias("warn", "warning");

    public ActionDescriptor Descriptor { get; } = new("log", "Write a line to the run log",
    [
        ParameterDescriptor.Text("message", "the line; ${env:NAME} values are masked").IsRequired(),
        Level,
    ]);

    public ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var level = step.Parameters.GetChoice(Level) switch
        {
            "warning" => RunLogLevel.Warning,
            "error" => RunLogLevel.Error,
            "debug" => RunLogLevel.Debug,
            _ => RunLogLevel.Info,
        };
        step.Log(step.Parameters.GetString("message"), level);
        return ValueTask.CompletedTask;
    }
}
