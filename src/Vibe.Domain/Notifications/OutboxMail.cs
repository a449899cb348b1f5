namespace Vibe.Domain.Notifications;

/// <summary>
/// A mail waiting to be sent, written in the same transaction that records the failure it reports,
/// so it can be neither lost nor sent for a failure that was not recorded. The sender marks it sent.
/// </summary>
public sealed class OutboxMail
{
    private OutboxMail(long runId, string kind, string recipients, string subject, string body, string messageId, DateTime createdAt)
    {
        RunId = runId;
        Kind = kind;
        Recipients = recipients;
        Subject = subject;
        Body = body;
        MessageId = messageId;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }

    public long RunId { get; private set; }

    /// <summary>"failure", "recovery" or "test".</summary>
    public string Kind { get; private set; }

    /// <summary>Comma-separated addresses.</summary>
    public string Recipients { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public string? AttachmentPath { get; private set; }

    /// <summary>Stable across delivery attempts, so a receiving server or person can spot a duplicate.</summary>
    public string MessageId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAt { get; private set; }

    public static OutboxMail Create(long runId, string kind, IEnumerable<string> recipients, string subject, string body, string? attachmentPath, string messageId, DateTime now) =>
        new(runId, kind, string.Join(", ", recipients), subject, body, messageId, now) { AttachmentPath = attachmentPath };

    public void MarkSent(DateTime now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    public void RecordFailedAttempt(DateTime now, string error, DateTime nextAttemptAt)
    {
        Attempts++;
        LastError = error;
        NextAttemptAt = nextAttemptAt < now ? now : nextAttemptAt;
    }
}
