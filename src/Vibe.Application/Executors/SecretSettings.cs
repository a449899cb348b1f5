namespace Vibe.Application.Executors;

/// <summary>
/// Which settings hold secrets. Every value of .env and every VIBE_* setting of the real environment is a secret,
/// except the plainly non-secret settings marked (plain) in .env.example: masking a provider name, a port or a path
/// would only make messages unreadable. The secret VIBE_* settings are also kept out of robot programs' environment.
/// </summary>
public static class SecretSettings
{
    /// <summary>Secrets shorter than this are not masked: they would mask ordinary words and digits everywhere.</summary>
    public const int MinimumMaskedLength = 4;

    private static readonly HashSet<string> PlainSettings = new(StringComparer.Ordinal)
    {
        "VIBE_DB_PROVIDER", "VIBE_SMTP_HOST", "VIBE_SMTP_PORT", "VIBE_SMTP_SECURITY", "VIBE_SMTP_FROM", "VIBE_NOTIFY_TO",
        "VIBE_CONFIG_DIR", "VIBE_DATA_DIR", "VIBE_ROBOTS_FILE", "VIBE_ROBOTS_DIR", "VIBE_HOST_NAME", "VIBE_HOST_LABELS",
        "VIBE_KEEPALIVE_INTERVAL", "VIBE_WEB_BROWSER", "VIBE_WEB_HEADLESS", "VIBE_ENV_FILE", "VIBE_EXECUTORS_DIR",

        // Of the SMTP settings only the password is a secret: masking the login or the CA file's path would turn every
        // mention of them (and every word that contains them) into ***.
        "VIBE_SMTP_USER", "VIBE_SMTP_TIMEOUT", "VIBE_SMTP_CA_FILE", "VIBE_SMTP_AUTH",

        // Of the Office 365 settings only the client secret and the certificate's password are secrets; the tenant and
        // client ids are printed by `vibe notify test` so that an administrator can match them to the app registration.
        "VIBE_MAIL_TRANSPORT", "VIBE_OAUTH_TENANT_ID", "VIBE_OAUTH_CLIENT_ID", "VIBE_OAUTH_CERTIFICATE", "VIBE_OAUTH_AUTHORITY_HOST",
        "VIBE_OAUTH_SCOPE", "VIBE_OAUTH_CA_FILE", "VIBE_GRAPH_URL", "VIBE_GRAPH_SENDER",

        // What `vibe restart-service` hands its script, which the new service inherits: paths and a command line.
        "VIBE_PID_FILE", "VIBE_STOP_FILE", "VIBE_START_PROGRAM", "VIBE_START_ARGS", "VIBE_STOP_TIMEOUT",

        // Where the service also serves the dashboard: addresses, no secret.
        "VIBE_DASHBOARD_URLS",

        // How much of a failed run's evidence goes into the store: a size.
        "VIBE_EVIDENCE_STORE_MB",
    };

    // Whole groups of settings that hold no secret (VIBE_RUN_* is what a robot's program gets, should it run vibe).
    private static readonly string[] PlainPrefixes = ["VIBE_SERVICE_", "VIBE_RETENTION_", "VIBE_NOTIFY_", "VIBE_OUTPUT_", "VIBE_TEST_", "VIBE_RUN_"];

    /// <summary>
    /// Whether <paramref name="key"/> holds no secret. Browser settings are plain (a time zone or a viewport is no
    /// secret), except extra arguments and the proxy, which may carry proxy credentials.
    /// </summary>
    public static bool IsPlain(string key) =>
        PlainSettings.Contains(key)
        || PlainPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))
        || (key.StartsWith("VIBE_WEB_", StringComparison.Ordinal) && key is not ("VIBE_WEB_ARGS" or "VIBE_WEB_PROXY"));

    /// <summary>A vibe setting that holds a secret (VIBE_DB_CONNECTION, VIBE_SMTP_PASSWORD, …): never handed to robot programs.</summary>
    public static bool IsSecretVibeSetting(string key) => key.StartsWith("VIBE_", StringComparison.Ordinal) && !IsPlain(key);

    /// <summary>The secret VIBE_* settings of the real environment (not .env), with their values.</summary>
    public static IEnumerable<KeyValuePair<string, string>> FromProcessEnvironment()
    {
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && IsSecretVibeSetting(key) && entry.Value is string { Length: > 0 } value)
            {
                yield return new(key, value);
            }
        }
    }
}
