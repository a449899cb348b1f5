using System.Collections.Concurrent;
using System.Data.Common;
using Vibe.Application.Executors;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Logging;

/// <summary>
/// Masks every value of .env and every VIBE_* setting of the real environment (except the settings that are plainly
/// not secret, such as the provider name or a port) and every value a robot read through ${env:…}. Passwords inside
/// connection strings are masked on their own too, since the whole string rarely appears in a message but the
/// password might. Each secret is also masked in the forms it travels in: JSON-escaped (traces), URL-encoded (form
/// posts, query strings), HTML-escaped (page.html) and Base64.
/// </summary>
internal sealed class SecretMasker : ISecretMasker
{
    public const string Replacement = "***";

    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);
    private volatile string[] _ordered = [];

    public SecretMasker(VibeEnvironment environment)
    {
        var settings = environment.DotEnvValues.Where(pair => !SecretSettings.IsPlain(pair.Key))
            .Concat(SecretSettings.FromProcessEnvironment());
        foreach (var (_, value) in settings)
        {
            AddSecret(value);
            AddConnectionStringPasswords(value);
            AddUrlPassword(value);
        }
    }

    public void AddSecret(string value)
    {
        // Very short values would mask ordinary words and digits everywhere (`vibe validate` warns about them).
        // Anything longer is masked whatever it looks like: a PIN, a date or "true" is a secret when it is one.
        if (value.Length < SecretSettings.MinimumMaskedLength)
        {
            return;
        }

        var added = false;
        foreach (var form in EncodedForms.Of(value))
        {
            added |= _secrets.TryAdd(form, 0);
        }

        if (added)
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

    // A proxy or service address with a login (http://user:password@proxy:3128): the password may show on its own.
    private void AddUrlPassword(string value)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Split(':', 2) is [_, { Length: > 0 } password])
        {
            AddSecret(Uri.UnescapeDataString(password));
        }
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
