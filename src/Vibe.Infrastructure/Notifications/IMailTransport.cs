using MimeKit;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Hands one message over: to an SMTP server (with a password or OAuth 2.0) or to Microsoft Graph, as
/// VIBE_MAIL_TRANSPORT says. Every failure is a <see cref="MailDeliveryException"/> that says what the other end
/// answered, readable, and never carries a secret or a token.
/// </summary>
public interface IMailTransport
{
    /// <summary>Where mails go and as whom, for messages; a <see cref="MailDeliveryException"/> when the settings are unusable.</summary>
    string Route();

    /// <summary>Sends <paramref name="message"/> (its From filled in when empty); returns the other end's final answer.</summary>
    Task<string> SendAsync(MimeMessage message, MailTranscript? transcript, CancellationToken cancellationToken);
}
