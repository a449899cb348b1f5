namespace Vibe.Application.Notifications;

/// <summary>
/// Delivers the outbox: each due, unsent mail is claimed, sent and marked, or its failed attempt recorded with a
/// back-off. Never throws for a delivery problem; the report says what happened.
/// </summary>
public interface IMailOutbox
{
    /// <summary>Sends every unsent mail that is due.</summary>
    Task<OutboxDispatchReport> DeliverDueAsync(CancellationToken cancellationToken);

    /// <summary>Sends the unsent, due mails about one run.</summary>
    Task<OutboxDispatchReport> DeliverForRunAsync(long runId, CancellationToken cancellationToken);
}
