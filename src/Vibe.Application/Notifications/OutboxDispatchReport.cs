using Vibe.Domain.Notifications;

namespace Vibe.Application.Notifications;

/// <summary>What one pass over the outbox did; <see cref="Error"/> is set when the outbox itself could not be used.</summary>
public sealed record OutboxDispatchReport(IReadOnlyList<MailDeliveryResult> Deliveries, string? Error)
{
    public IEnumerable<MailDeliveryResult> Sent => Deliveries.Where(delivery => delivery.Sent);

    public IEnumerable<MailDeliveryResult> Failed => Deliveries.Where(delivery => !delivery.Sent);
}

/// <summary>How one mail's delivery went: the server's answer when sent, the error (and when it is tried again) when not.</summary>
public sealed record MailDeliveryResult(long MailId, long RunId, string Kind, string Recipients, string Subject, bool Sent, string? ServerAnswer, string? Error, int Attempts, DateTime NextAttemptAt)
{
    /// <summary>Whether the failure was transient (the server was away), so the rest of the pass is not tried.</summary>
    public bool Transient { get; init; }

    /// <summary>The result for <paramref name="mail"/> as it stands after the attempt.</summary>
    public static MailDeliveryResult From(OutboxMail mail, bool sent, string? answer, string? error, bool transient) =>
        new(mail.Id, mail.RunId, mail.Kind, mail.Recipients, mail.Subject, sent, answer, error, mail.Attempts, mail.NextAttemptAt) { Transient = transient };
}
