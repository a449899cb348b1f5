namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>
/// The app registration vibe gets its tokens for: VIBE_OAUTH_TENANT_ID, VIBE_OAUTH_CLIENT_ID, and either
/// VIBE_OAUTH_CLIENT_SECRET or VIBE_OAUTH_CERTIFICATE (a .pfx/.p12 or a PEM file with its key) with
/// VIBE_OAUTH_CERTIFICATE_PASSWORD; VIBE_OAUTH_AUTHORITY_HOST for a national cloud, VIBE_OAUTH_SCOPE to override the
/// scope, VIBE_OAUTH_CA_FILE for certificate authorities to trust besides the system's (a TLS-inspecting proxy).
/// Kept as written, so that every bad value can be named.
/// </summary>
public sealed class OAuthOptions
{
    public const string Section = "OAuth";

    public const string PublicCloud = "https://login.microsoftonline.com";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? Certificate { get; set; }

    public string? CertificatePassword { get; set; }

    public string? AuthorityHost { get; set; }

    public string? Scope { get; set; }

    public string? CaFile { get; set; }
}

/// <summary>Microsoft Graph for VIBE_MAIL_TRANSPORT=graph: VIBE_GRAPH_URL (national clouds, tests) and VIBE_GRAPH_SENDER (default: VIBE_SMTP_FROM).</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string PublicCloud = "https://graph.microsoft.com/v1.0";

    public string? Url { get; set; }

    public string? Sender { get; set; }
}
