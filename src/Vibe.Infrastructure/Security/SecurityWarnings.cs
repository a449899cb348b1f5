using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Security;

/// <summary>What `vibe validate` warns about that is not an error: files others can reach, secrets too short to mask.</summary>
internal sealed class SecurityWarnings(VibeLocations locations, VibeEnvironment environment) : ISettingsCheck
{
    public IEnumerable<ConfigError> Check() => [];

    public IEnumerable<string> Warnings()
    {
        var warnings = new List<string>();
        if (EnvFilePermissions.Check(locations.EnvFile) is { } envFile)
        {
            warnings.Add(envFile);
        }

        if (PrivateFiles.DataFolderWarning(locations.DataDirectory) is { } dataFolder)
        {
            warnings.Add(dataFolder);
        }

        var settings = environment.DotEnvValues.Where(pair => !SecretSettings.IsPlain(pair.Key)).Concat(SecretSettings.FromProcessEnvironment());
        foreach (var key in settings.Where(pair => pair.Value.Length is > 0 and < SecretSettings.MinimumMaskedLength).Select(pair => pair.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            warnings.Add($"{key} is a secret shorter than {SecretSettings.MinimumMaskedLength} characters, so it cannot be masked safely in logs and evidence: use a longer value (or, if it is no secret, do not keep it in .env)");
        }

        return warnings;
    }
}
