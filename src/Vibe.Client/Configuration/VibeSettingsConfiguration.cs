using Microsoft.Extensions.Configuration;

namespace Vibe.Infrastructure.Configuration;

/// <summary>
/// Turns the flat VIBE_* keys of .env and the environment into configuration sections that options bind to:
/// VIBE_DB_PROVIDER → Database:Provider, VIBE_SMTP_HOST → Smtp:Host, VIBE_SERVICE_POLL_INTERVAL → Service:PollInterval.
/// </summary>
public static class VibeSettingsConfiguration
{
    private static readonly (string Prefix, string Section)[] Sections =
    [
        ("VIBE_DB_", "Database"),
        ("VIBE_SMTP_", "Smtp"),
        ("VIBE_NOTIFY_", "Notify"),
        ("VIBE_MAIL_", "Mail"),
        ("VIBE_OAUTH_", "OAuth"),
        ("VIBE_GRAPH_", "Graph"),
        ("VIBE_SERVICE_", "Service"),
        ("VIBE_HOST_", "Host"),
        ("VIBE_RETENTION_", "Retention"),
        ("VIBE_OUTPUT_", "Output"),
        ("VIBE_EVIDENCE_", "Evidence"),
    ];

    public static IConfiguration Build(VibeEnvironment environment, IEnumerable<string> processVariableNames)
    {
        var keys = environment.DotEnvValues.Keys.Concat(processVariableNames).Where(key => key.StartsWith("VIBE_", StringComparison.Ordinal)).Distinct();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            foreach (var (prefix, section) in Sections)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    data[$"{section}:{key[prefix.Length..].Replace("_", "", StringComparison.Ordinal)}"] = environment.Get(key);
                }
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }
}
