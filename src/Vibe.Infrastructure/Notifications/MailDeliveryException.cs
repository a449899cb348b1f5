namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// A mail could not be handed to the SMTP server. The message is one line that names the server and says what it
/// answered (or why it could not be reached). A transient failure (server unreachable, 4xx answer) is worth trying
/// again within seconds; a permanent one (wrong password, 5xx answer, bad settings) waits for the outbox back-off.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
