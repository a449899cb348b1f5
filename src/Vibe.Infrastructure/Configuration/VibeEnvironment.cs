using dotenv.net;
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

    /// <summary>Reads <paramref name="path"/> if it exists; a malformed file is reported with its path.</summary>
    public static VibeEnvironment Load(string path, Func<string, string?>? processVariable = null)
    {
        if (!File.Exists(path))
        {
            return new VibeEnvironment(new Dictionary<string, string>(), null, processVariable);
        }

        try
        {
            var values = DotEnv.Read(new DotEnvOptions(
                ignoreExceptions: false,
                envFilePaths: [path],
                trimValues: true,
                supportExportSyntax: true));
            return new VibeEnvironment(new Dictionary<string, string>(values, StringComparer.Ordinal), path, processVariable);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new SettingsException($"{path}: cannot read the .env file: {ex.Message}");
        }
    }
}
