using System.Globalization;
using MailKit.Security;
using Vibe.Domain.Robots;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// The SMTP server vibe sends its mails through: VIBE_SMTP_HOST, VIBE_SMTP_PORT, VIBE_SMTP_SECURITY, VIBE_SMTP_USER,
/// VIBE_SMTP_PASSWORD, VIBE_SMTP_FROM, VIBE_SMTP_TIMEOUT and VIBE_SMTP_CA_FILE in .env. Values are kept as the text
/// the user wrote, so that <see cref="SmtpOptionsValidator"/> can name every bad one instead of the binder failing
/// on the first.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The server's host name or address. Not set: vibe sends no mail (and requires none unless notifications are configured).</summary>
    public string? Host { get; set; }

    /// <summary>The port; by default 465 for SslOnConnect, 25 for None and 587 otherwise.</summary>
    public string? Port { get; set; }

    /// <summary>None, StartTls, SslOnConnect or Auto (the default: TLS on port 465, STARTTLS when the server offers it).</summary>
    public string? Security { get; set; }

    /// <summary>password (the default) or oauth2 (XOAUTH2 with a token of the Microsoft identity platform, see OAuthOptions).</summary>
    public string? Auth { get; set; }

    /// <summary>The login, when the server wants one; requires <see cref="Password"/>, or with oauth2 the mailbox to send as.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, for example "vibe &lt;vibe@example.com&gt;".</summary>
    public string? From { get; set; }

    /// <summary>How long one network operation may take (a duration such as 30s). Default 30s.</summary>
    public string? Timeout { get; set; }

    /// <summary>
    /// A PEM file of certificate authorities to trust for this server besides the system's (an internal CA, or the
    /// server's own self-signed certificate). The host name must still match the certificate.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>Whether a host is set at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    internal static bool TryParseSecurity(string? text, out SmtpSecurity security)
    {
        security = SmtpSecurity.Auto;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text.Trim(), ignoreCase: true, out security) && Enum.IsDefined(security);
    }

    internal static bool TryParsePort(string? text, out int port)
    {
        port = 0;
        return string.IsNullOrWhiteSpace(text)
            || int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;
    }

    internal static bool TryParseTimeout(string? text, out TimeSpan timeout)
    {
        timeout = DefaultTimeout;
        return string.IsNullOrWhiteSpace(text) || Duration.TryParse(text, out timeout) && timeout > TimeSpan.Zero;
    }

    /// <summary>The settings as the sender uses them; call only after validation succeeded.</summary>
    internal SmtpEndpoint ToEndpoint(string configDirectory)
    {
        TryParseSecurity(Security, out var security);
        TryParsePort(Port, out var port);
        TryParseTimeout(Timeout, out var timeout);
        MailOptions.TryParseAuth(Auth, out var auth);
        if (port == 0)
        {
            port = security switch
            {
                SmtpSecurity.SslOnConnect => 465,
                SmtpSecurity.None => 25,
                _ => 587,
            };
        }

        return new SmtpEndpoint(
            Host!.Trim(),
            port,
            security,
            string.IsNullOrWhiteSpace(User) ? null : User.Trim(),
            Password,
            From!.Trim(),
            timeout,
            string.IsNullOrWhiteSpace(CaFile) ? null : Path.GetFullPath(CaFile.Trim(), configDirectory))
        {
            Auth = auth,
        };
    }
}

/// <summary>How the connection to the SMTP server is secured (VIBE_SMTP_SECURITY).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a relay on the same machine or network.</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>
    /// TLS on port 465, otherwise STARTTLS when the server offers it. With a login configured, STARTTLS is required:
    /// a server (or a man in the middle) that does not offer it gets no password.
    /// </summary>
    Auto,
}

/// <summary>Validated SMTP settings, as the sender uses them.</summary>
public sealed record SmtpEndpoint(string Host, int Port, SmtpSecurity Security, string? User, string? Password, string From, TimeSpan Timeout, string? CaFile)
{
    public SmtpAuthMode Auth { get; init; }

    public SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,

        // A password or a token never travels in clear: with a login, Auto is TLS on 465 and STARTTLS-or-fail elsewhere.
        _ when User is not null => Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>host:port (security), for messages.</summary>
    public override string ToString() => $"{Host}:{Port} ({Security})";
}
