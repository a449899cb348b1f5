using Vibe.Application.Runs.GetEvidenceFile;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.GetRun;

/// <summary>`vibe status &lt;id&gt; --json`: the run, its log lines (steps from 1), the attempts of its chain and its files.</summary>
public sealed record RunDetailsDocument(RunDocument Run, IReadOnlyList<LogLineDocument> Log, IReadOnlyList<RunDocument> Attempts, IReadOnlyList<RunFileDocument> Files)
{
    public static RunDetailsDocument From(RunDetails details) => new(
        RunDocument.From(details.Run),
        details.Log.Select(line => new LogLineDocument(line.Time, line.Level, line.StepIndex is { } i ? i + 1 : null, line.Message)).ToList(),
        details.Attempts.Select(RunDocument.From).ToList(),
        details.Files.Select(RunFileDocument.From).ToList());
}

/// <summary>
/// A run's file: its path inside the run's folder, its size (null when only the host that ran it knows), whether the
/// store holds a copy (then every host serves it), and otherwise the only host that has it.
/// </summary>
public sealed record RunFileDocument(string Name, long? Length, bool Stored, string? OnlyOn)
{
    public static RunFileDocument From(RunFileEntry file) => new(file.Name, file.Length, file.Stored, file.Stored ? null : file.Host);
}

public sealed record LogLineDocument(DateTime Time, RunLogLevel Level, int? Step, string Message);
