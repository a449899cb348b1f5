namespace Vibe.Executors.Desktop.Driver;

/// <summary>A program to start in the desktop session.</summary>
/// <param name="Program">Path or name looked up on PATH.</param>
/// <param name="Arguments">Arguments, passed as they are (no shell).</param>
/// <param name="WorkingDirectory">Folder to start in; null for the service's current folder.</param>
/// <param name="Environment">Extra environment variables for the program only.</param>
public sealed record LaunchRequest(
    string Program,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null);
