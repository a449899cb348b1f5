using Mediator;
using Vibe.Application.Common.Behaviours;

namespace Vibe.Application.Notifications.SendQueuedMails;

/// <summary>
/// Sends the queued mails that are due now: all of them (`vibe notify send`), or only those about one run (a
/// foreground `vibe run-now` sends its own mails, since no service may be running to send them).
/// Not replayed as a whole: a mail sent by the first try must not be sent again; the outbox retries per mail.
/// </summary>
public sealed record SendQueuedMails(long? RunId = null) : ICommand<OutboxDispatchReport>, INotReplayable;

public sealed class SendQueuedMailsHandler(IMailOutbox outbox) : ICommandHandler<SendQueuedMails, OutboxDispatchReport>
{
    public async ValueTask<OutboxDispatchReport> Handle(SendQueuedMails command, CancellationToken cancellationToken) =>
        command.RunId is { } runId
            ? await outbox.DeliverForRunAsync(runId, cancellationToken)
            : await outbox.DeliverDueAsync(cancellationToken);
}
