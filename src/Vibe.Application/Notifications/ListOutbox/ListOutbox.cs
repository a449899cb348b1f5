using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Notifications.ListOutbox;

/// <summary>The mails waiting to be sent (and, with <see cref="IncludeSent"/>, the latest sent ones), newest first.</summary>
public sealed record ListOutbox(bool IncludeSent = false, int Limit = 50) : IQuery<IReadOnlyList<OutboxEntry>>;

/// <summary>One outbox row as `vibe notify queue` shows it.</summary>
public sealed record OutboxEntry(
    long Id,
    long RunId,
    string Kind,
    string Recipients,
    string Subject,
    string MessageId,
    DateTime CreatedAt,
    int Attempts,
    DateTime NextAttemptAt,
    DateTime? SentAt,
    string? LastError);

public sealed class ListOutboxHandler : IQueryHandler<ListOutbox, IReadOnlyList<OutboxEntry>>
{
    private readonly IVibeDbContext _db;

    public ListOutboxHandler(IVibeDbContext db) => _db = db;

    public async ValueTask<IReadOnlyList<OutboxEntry>> Handle(ListOutbox query, CancellationToken cancellationToken)
    {
        var mails = _db.OutboxMails.AsNoTracking();
        if (!query.IncludeSent)
        {
            mails = mails.Where(mail => mail.SentAt == null);
        }

        return await mails
            .OrderByDescending(mail => mail.Id)
            .Take(Math.Clamp(query.Limit, 1, 1000))
            .Select(mail => new OutboxEntry(
                mail.Id, mail.RunId, mail.Kind, mail.Recipients, mail.Subject, mail.MessageId, mail.CreatedAt, mail.Attempts, mail.NextAttemptAt, mail.SentAt, mail.LastError))
            .ToListAsync(cancellationToken);
    }
}
