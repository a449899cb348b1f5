using Vibe.Application.Executors;
using Vibe.Domain.Runs;

namespace Vibe.Host.Output;

/// <summary>Prints a foreground run's log lines as they happen (`vibe run-now`). Silent until enabled.</summary>
internal sealed class ConsoleRunPrinter : IRunLogListener
{
    private readonly Lock _gate = new();

    public bool Enabled { get; set; }

    public void OnLine(string robotName, RunLogEntry entry)
    {
        if (!Enabled || entry.Level == RunLogLevel.Debug)
        {
            return;
        }

        lock (_gate)
        {
            var writer = entry.Level >= RunLogLevel.Warning ? Console.Error : Console.Out;
            writer.WriteLine(Format(entry));
        }
    }

    public static string Format(RunLogEntry entry) => Format(entry.Time, entry.Level, entry.StepIndex, entry.Message);

    public static string Format(DateTime time, RunLogLevel level, int? stepIndex, string message) =>
        $"{time.ToLocalTime():HH:mm:ss.fff} {LevelTag(level)} {(stepIndex is { } i ? $"#{i + 1,-3}" : "    ")} {message}";

    private static string LevelTag(RunLogLevel level) => level switch
    {
        RunLogLevel.Error => "ERR ",
        RunLogLevel.Warning => "WARN",
        RunLogLevel.Debug => "DBG ",
        _ => "    ",
    };
}
