using System.Text.RegularExpressions;
using MimeKit;

namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>
/// The presence and shape of the VIBE_OAUTH_* and VIBE_GRAPH_* settings for the chosen mode, one problem per line,
/// in the keys' own names; `vibe validate` and `vibe notify test` report them before the identity platform would.
/// </summary>
internal static partial class OAuthSettingsRules
{
    public static IEnumerable<string> Problems(OAuthOptions oauth, string configDirectory, string mode, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(oauth.TenantId))
        {
            yield return $"VIBE_OAUTH_TENANT_ID is not set, but {mode} needs it: the Directory (tenant) ID from the app registration's Overview page";
        }
        else if (!Guid.TryParse(oauth.TenantId.Trim(), out _) && !TenantDomain().IsMatch(oauth.TenantId.Trim()))
        {
            yield return $"VIBE_OAUTH_TENANT_ID is '{oauth.TenantId}'; use the Directory (tenant) ID (a GUID) or a domain of the tenant such as contoso.onmicrosoft.com";
        }

        if (string.IsNullOrWhiteSpace(oauth.ClientId))
        {
            yield return $"VIBE_OAUTH_CLIENT_ID is not set, but {mode} needs it: the Application (client) ID from the app registration's Overview page";
        }
        else if (!Guid.TryParse(oauth.ClientId.Trim(), out _))
        {
            yield return $"VIBE_OAUTH_CLIENT_ID is '{oauth.ClientId}'; use the Application (client) ID, a GUID such as 00000000-0000-0000-0000-000000000000";
        }

        var hasSecret = !string.IsNullOrEmpty(oauth.ClientSecret);
        var hasCertificate = !string.IsNullOrWhiteSpace(oauth.Certificate);
        if (!hasSecret && !hasCertificate)
        {
            yield return $"neither VIBE_OAUTH_CLIENT_SECRET nor VIBE_OAUTH_CERTIFICATE is set, but {mode} needs one of them: the app registration's client secret, or a certificate file with its private key";
        }
        else if (hasSecret && hasCertificate)
        {
            yield return "both VIBE_OAUTH_CLIENT_SECRET and VIBE_OAUTH_CERTIFICATE are set: keep only the one the app registration uses";
        }
        else if (hasCertificate)
        {
            var path = Path.GetFullPath(oauth.Certificate!.Trim(), configDirectory);
            if (OAuthCertificate.Problem(path, oauth.CertificatePassword, now) is { } problem)
            {
                yield return $"VIBE_OAUTH_CERTIFICATE: {path}: {problem}";
            }
        }

        if (!string.IsNullOrEmpty(oauth.CertificatePassword) && !hasCertificate)
        {
            yield return "VIBE_OAUTH_CERTIFICATE_PASSWORD is set but VIBE_OAUTH_CERTIFICATE is not";
        }

        if (!string.IsNullOrWhiteSpace(oauth.AuthorityHost) && !IsHttpsUrl(oauth.AuthorityHost))
        {
            yield return $"VIBE_OAUTH_AUTHORITY_HOST is '{oauth.AuthorityHost}'; use an https address such as {OAuthOptions.PublicCloud} (or your national cloud's)";
        }

        if (!string.IsNullOrWhiteSpace(oauth.Scope) && !oauth.Scope.Trim().EndsWith("/.default", StringComparison.Ordinal))
        {
            yield return $"VIBE_OAUTH_SCOPE is '{oauth.Scope}'; an app-only token needs a scope ending in /.default, such as https://outlook.office365.com/.default";
        }

        if (!string.IsNullOrWhiteSpace(oauth.CaFile))
        {
            var path = Path.GetFullPath(oauth.CaFile.Trim(), configDirectory);
            if (SmtpOptionsValidator.CaFileProblem(path) is { } problem)
            {
                yield return $"VIBE_OAUTH_CA_FILE: {path}: {problem}";
            }
        }
    }

    public static IEnumerable<string> GraphProblems(GraphOptions graph, SmtpOptions smtp, Func<string, bool> isMailAddress)
    {
        if (!string.IsNullOrWhiteSpace(graph.Url) && !IsHttpsUrl(graph.Url))
        {
            yield return $"VIBE_GRAPH_URL is '{graph.Url}'; use an https address such as {GraphOptions.PublicCloud}";
        }

        if (!string.IsNullOrWhiteSpace(graph.Sender))
        {
            if (!isMailAddress(graph.Sender) || !MailboxAddress.TryParse(graph.Sender.Trim(), out var sender) || sender.Address != graph.Sender.Trim())
            {
                yield return $"VIBE_GRAPH_SENDER is '{graph.Sender}'; use the address of the mailbox to send as, for example robot@contoso.com";
            }
        }
        else if (string.IsNullOrWhiteSpace(smtp.From))
        {
            yield return "neither VIBE_GRAPH_SENDER nor VIBE_SMTP_FROM is set, but VIBE_MAIL_TRANSPORT=graph sends as a mailbox: set VIBE_GRAPH_SENDER to its address";
        }
        else if (!isMailAddress(smtp.From))
        {
            yield return $"VIBE_SMTP_FROM is '{smtp.From}', which is not an e-mail address";
        }
    }

    private static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantDomain();
}
