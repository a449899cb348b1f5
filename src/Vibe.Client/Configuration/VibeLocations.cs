namespace Vibe.Infrastructure.Configuration;

/// <summary>
/// Where vibe finds its files. The configuration folder (robots.json, robots.d/, .env) is the current folder
/// unless --config-dir or VIBE_CONFIG_DIR says otherwise; the data folder (SQLite file, evidence, pid file)
/// defaults to .vibe/ inside it (VIBE_DATA_DIR overrides).
/// </summary>
public sealed record VibeLocations(string ConfigDirectory, string RobotsFile, string RobotsDirectory, string EnvFile, string DataDirectory)
{
    public string DefaultSqlitePath => Path.Combine(DataDirectory, "vibe.db");

    public string RunsDirectory => Path.Combine(DataDirectory, "runs");

    public string PidFile => Path.Combine(DataDirectory, "vibe.pid");

    public string ServiceLogFile => Path.Combine(DataDirectory, "service.log");

    public static string ResolveConfigDirectory(string? option, Func<string, string?> processVariable) =>
        Path.GetFullPath(option ?? processVariable("VIBE_CONFIG_DIR") ?? Directory.GetCurrentDirectory());

    public static string ResolveEnvFile(string configDirectory, Func<string, string?> processVariable) =>
        Path.GetFullPath(processVariable("VIBE_ENV_FILE") ?? ".env", configDirectory);

    public static VibeLocations Resolve(string configDirectory, VibeEnvironment environment)
    {
        string FromConfig(string? value, string fallback) => Path.GetFullPath(value ?? fallback, configDirectory);
        return new VibeLocations(
            configDirectory,
            FromConfig(environment.Get("VIBE_ROBOTS_FILE"), "robots.json"),
            FromConfig(environment.Get("VIBE_ROBOTS_DIR"), "robots.d"),
            environment.DotEnvPath ?? Path.Combine(configDirectory, ".env"),
            FromConfig(environment.Get("VIBE_DATA_DIR"), ".vibe"));
    }
}
