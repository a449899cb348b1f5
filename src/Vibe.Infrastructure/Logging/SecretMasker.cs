using System.Collections.Concurrent;
using System.Data.Common;
using Vibe.Application.Executors;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Logging;

/// <summary>
/// Masks every value of .env (except the settings that are plainly not secret, such as the provider name or a
/// port) and every value a robot read through ${env:…}. Passwords inside connection strings are masked on
/// their own too, since the whole string rarely appears in a message but the password might.
/// </summary>
internal sealed class SecretMasker : ISecretMasker
{
    public const string Replacement = "***";

    // Settings whose values are not secret; masking them would only make messages unreadable.
    private static readonly HashSet<string> PlainSettings = new(StringComparer.Ordinal)
    {
        "VIBE_DB_PROVIDER", "VIBE_SMTP_HOST", "VIBE_SMTP_PORT", "VIBE_SMTP_SECURITY", "VIBE_SMTP_FROM", "VIBE_NOTIFY_TO",
        "VIBE_CONFIG_DIR", "VIBE_DATA_DIR", "VIBE_ROBOTS_FILE", "VIBE_ROBOTS_DIR", "VIBE_HOST_NAME", "VIBE_HOST_LABELS",
        "VIBE_KEEPALIVE_INTERVAL", "VIBE_WEB_BROWSER", "VIBE_WEB_HEADLESS",

        // Of the SMTP settings only the password is a secret: masking the login or the CA file's path would turn every
        // mention of them (and every word that contains them) into ***.
        "VIBE_SMTP_USER", "VIBE_SMTP_TIMEOUT", "VIBE_SMTP_CA_FILE",
    };

    // Whole groups of settings that hold no secret.
    private static readonly string[] PlainPrefixes = ["VIBE_SERVICE_", "VIBE_RETENTION_", "VIBE_NOTIFY_"];

    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);
    private volatile string[] _ordered = [];

    public SecretMasker(VibeEnvironment environment)
    {
        foreach (var (key, value) in environment.DotEnvValues)
        {
            if (IsPlain(key))
            {
                continue;
            }

            AddSecret(value);
            AddConnectionStringPasswords(value);
        }
    }

    // Browser settings are plain (a time zone or a viewport is no secret), except extra arguments, which may carry proxy credentials.
    private static bool IsPlain(string key) =>
        PlainSettings.Contains(key)
        || PlainPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))
        || (key.StartsWith("VIBE_WEB_", StringComparison.Ordinal) && key != "VIBE_WEB_ARGS");

    public void AddSecret(string value)
    {
        // Very short values and booleans/numbers would mask ordinary words and digits everywhere.
        if (value.Length < 4 || bool.TryParse(value, out _) || double.TryParse(value, out _))
        {
            return;
        }

        if (_secrets.TryAdd(value, 0))
        {
            // Longest first, so a secret that contains another is masked whole.
            _ordered = _secrets.Keys.OrderByDescending(secret => secret.Length).ToArray();
        }
    }

    public string Mask(string text)
    {
        foreach (var secret in _ordered)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Replacement, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private void AddConnectionStringPasswords(string value)
    {
        if (!value.Contains('=', StringComparison.Ordinal) || !value.Contains(';', StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = value };
            foreach (var key in new[] { "password", "pwd" })
            {
                if (builder.TryGetValue(key, out var password) && password is string text)
                {
                    AddSecret(text);
                }
            }
        }
        catch (ArgumentException)
        {
            // Not a connection string after all.
        }
    }
}
