using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Executors;

/// <summary>Writes the failure evidence bundle (failing step, error, last log lines) beside the executor's screenshot.</summary>
public interface IEvidenceWriter
{
    /// <summary>Writes the bundle's summary into <paramref name="folder"/>, with every secret masked.</summary>
    ValueTask WriteAsync(string folder, FailureReport report, CancellationToken cancellationToken);
}

/// <summary>What the bundle records about one failed attempt.</summary>
public sealed record FailureReport(
    long RunId,
    string Robot,
    int Attempt,
    int MaxAttempts,
    DateTime FailedAt,
    RobotStep? Step,
    Exception Error,
    IReadOnlyList<RunLogEntry> LastLogLines,
    FailureEvidence Evidence);
