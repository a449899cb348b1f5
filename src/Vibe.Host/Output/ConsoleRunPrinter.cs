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

    /// <summary>
    /// One printed line per line of the message, each with the time, level and step, so nothing a program prints can
    /// pass for a line of vibe's own; control characters (escape sequences that colour the terminal or set its title)
    /// are shown escaped, never sent to the terminal.
    /// </summary>
    public static string Format(DateTime time, RunLogLevel level, int? stepIndex, string message)
    {
        var prefix = $"{time.ToLocalTime():HH:mm:ss.fff} {LevelTag(level)} {(stepIndex is { } i ? $"#{i + 1,-3}" : "    ")} ";
        var lines = message.Split('\n');
        return string.Join(Environment.NewLine, lines.Select(line => prefix + TerminalText.Escape(line.TrimEnd('\r'))));
    }

    private static string LevelTag(RunLogLevel level) => level switch
    {
        RunLogLevel.Error => "ERR ",
        RunLogLevel.Warning => "WARN",
        RunLogLevel.Debug => "DBG ",
        _ => "    ",
    };
}
