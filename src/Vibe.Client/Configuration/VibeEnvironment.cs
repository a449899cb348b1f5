using Vibe.Application.Executors;

namespace Vibe.Infrastructure.Configuration;

/// <summary>
/// The environment vibe runs in: real environment variables over the values of the .env file.
/// Every value that came from .env is a secret candidate for the masker.
/// </summary>
public sealed class VibeEnvironment : IEnvironmentReader
{
    private readonly IReadOnlyDictionary<string, string> _dotEnv;
    private readonly Func<string, string?> _processVariable;

    public VibeEnvironment(IReadOnlyDictionary<string, string> dotEnv, string? dotEnvPath, Func<string, string?>? processVariable = null)
    {
        _dotEnv = dotEnv;
        DotEnvPath = dotEnvPath;
        _processVariable = processVariable ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The .env file that was read, or null when there was none.</summary>
    public string? DotEnvPath { get; }

    public IReadOnlyDictionary<string, string> DotEnvValues => _dotEnv;

    public string? Get(string name) => _processVariable(name) ?? _dotEnv.GetValueOrDefault(name);

    /// <summary>Reads <paramref name="path"/> if it exists; every malformed line is reported with its path and line number.</summary>
    public static VibeEnvironment Load(string path, Func<string, string?>? processVariable = null)
    {
        if (!File.Exists(path))
        {
            return new VibeEnvironment(new Dictionary<string, string>(), null, processVariable);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"{path}: cannot read the .env file: {ex.Message}");
        }

        // A value saved in a Windows code page would silently become another password: say so instead.
        var (_, problem, at) = Robots.TextEncodingCheck.AsUtf8(bytes);
        var unicodeWithMark = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        if (problem is not null && !unicodeWithMark)
        {
            throw new SettingsException(at is { } position ? $"{path}:{position.Line}: {problem}" : $"{path}: {problem}");
        }

        // Detects and drops a byte order mark (Notepad writes one; UTF-16 with one is read too); UTF-8 otherwise.
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();

        var values = DotEnvFile.Parse(text, path);
        return new VibeEnvironment(new Dictionary<string, string>(values, StringComparer.Ordinal), path, processVariable);
    }
}
