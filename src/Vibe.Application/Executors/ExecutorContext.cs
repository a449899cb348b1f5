using Vibe.Domain.Robots;

namespace Vibe.Application.Executors;

/// <summary>What an executor knows about the run it is opened for.</summary>
public sealed class ExecutorContext
{
    public required long RunId { get; init; }

    public required RobotDefinition Robot { get; init; }

    /// <summary>The run's own folder in the data folder: downloads, screenshots and evidence go here.</summary>
    public required string RunFolder { get; init; }

    public required IRunLog Log { get; init; }

    public required RunVariables Variables { get; init; }

    public required ISecretMasker Masker { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Where the robot's relative paths start: its file's folder, else (no file) the current folder.</summary>
    public string RobotFolder => Robot.Folder is { Length: > 0 } folder
        ? folder
        : Path.GetDirectoryName(Path.GetFullPath(Robot.SourceFile is { Length: > 0 } file ? file : "x")) ?? Directory.GetCurrentDirectory();
}
