using Microsoft.Extensions.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Configuration;

/// <summary>
/// Everything read before the container is built: where the files are, the environment with .env under it,
/// the VIBE_* settings as configuration, and the database choice (needed to pick the EF Core provider).
/// </summary>
public sealed record VibeSettings(VibeEnvironment Environment, VibeLocations Locations, IConfiguration Configuration, DatabaseOptions Database)
{
    /// <summary>Every problem with the settings the container depends on, at once; throws <see cref="SettingsException"/>.</summary>
    public VibeSettings EnsureValid()
    {
        var result = new DatabaseOptionsValidator().Validate(null, Database);
        if (result.Failed)
        {
            var problems = result.Failures.ToList();
            throw new SettingsException(problems.Count == 1 ? problems[0] : "the settings in .env have problems", problems);
        }

        return this;
    }

    /// <summary>Reads .env from the configuration folder and resolves every location.</summary>
    public static VibeSettings Load(string? configDirectory, Func<string, string?>? processVariable = null, IEnumerable<string>? processVariableNames = null)
    {
        processVariable ??= System.Environment.GetEnvironmentVariable;
        processVariableNames ??= System.Environment.GetEnvironmentVariables().Keys.Cast<string>();
        var folder = VibeLocations.ResolveConfigDirectory(configDirectory, processVariable);
        if (!Directory.Exists(folder))
        {
            // A typo in --config-dir must not answer "no runs yet" from a store conjured in a folder nobody meant.
            var named = configDirectory is not null ? "--config-dir" : "VIBE_CONFIG_DIR";
            throw new SettingsException($"the configuration folder {folder} does not exist ({named}); nothing was read or created", [$"{named}: {folder} does not exist"]);
        }

        var environment = VibeEnvironment.Load(VibeLocations.ResolveEnvFile(folder, processVariable), processVariable);
        var locations = VibeLocations.Resolve(folder, environment);
        var configuration = VibeSettingsConfiguration.Build(environment, processVariableNames);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return new VibeSettings(environment, locations, configuration, database);
    }
}
