using Vibe.Application.Executors;
using Vibe.Domain.Runs;

namespace Vibe.Host.Output;

/// <summary>
/// Prints the log lines of the runs it is handed (`vibe run-now` hands it the run it executes in the foreground),
/// as they happen; the lines of any other run are not its business.
/// </summary>
internal sealed class ConsoleRunPrinter : IRunLogListener
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _runs = [];

    /// <summary>Prints run <paramref name="runId"/>'s lines until the returned handle is disposed.</summary>
    public IDisposable Print(long runId)
    {
        lock (_gate)
        {
            _runs.Add(runId);
        }

        return new Handed(this, runId);
    }

    public void OnLine(string robotName, RunLogEntry entry)
    {
        if (entry.Level == RunLogLevel.Debug)
        {
            return;
        }

        lock (_gate)
        {
            if (!_runs.Contains(entry.RunId))
            {
                return;
            }

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

    private sealed class Handed(ConsoleRunPrinter printer, long runId) : IDisposable
    {
        public void Dispose()
        {
            lock (printer._gate)
            {
                printer._runs.Remove(runId);
            }
        }
    }

    private static string LevelTag(RunLogLevel level) => level switch
    {
        RunLogLevel.Error => "ERR ",
        RunLogLevel.Warning => "WARN",
        RunLogLevel.Debug => "DBG ",
        _ => "    ",
    };
}
