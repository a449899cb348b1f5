namespace Vibe.Infrastructure.Notifications;

/// <summary>How vibe hands its mails over (VIBE_MAIL_TRANSPORT).</summary>
public enum MailTransportKind
{
    /// <summary>An SMTP server (the default): VIBE_SMTP_*.</summary>
    Smtp,

    /// <summary>Microsoft Graph's sendMail with an app-only token: VIBE_OAUTH_* and VIBE_GRAPH_*.</summary>
    Graph,
}

/// <summary>How vibe logs in to the SMTP server (VIBE_SMTP_AUTH).</summary>
public enum SmtpAuthMode
{
    /// <summary>VIBE_SMTP_USER and VIBE_SMTP_PASSWORD (or no login when neither is set).</summary>
    Password,

    /// <summary>XOAUTH2 as the mailbox VIBE_SMTP_USER, with a token of the Microsoft identity platform (VIBE_OAUTH_*).</summary>
    OAuth2,
}

/// <summary>VIBE_MAIL_TRANSPORT, as written.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Transport { get; set; }

    internal static bool TryParseTransport(string? text, out MailTransportKind transport)
    {
        transport = MailTransportKind.Smtp;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text.Trim(), ignoreCase: true, out transport) && Enum.IsDefined(transport);
    }

    internal static bool TryParseAuth(string? text, out SmtpAuthMode auth)
    {
        auth = SmtpAuthMode.Password;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text.Trim(), ignoreCase: true, out auth) && Enum.IsDefined(auth);
    }
}
