using Microsoft.Extensions.Logging;

namespace Vibe.Infrastructure.Notifications;

/// <summary>Log definitions of the outbox sender and the retention purge (event ids 4100-4199).</summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Mail {MailId} ({Kind} of run {RunId}) sent to {Recipients}: {Answer}")]
    public static partial void MailSent(ILogger logger, long mailId, string kind, long runId, string recipients, string answer);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Mail {MailId} ({Kind} of run {RunId}) not sent (delivery {Attempt}); next try at {NextAttemptAt:u}: {Error}")]
    public static partial void MailFailed(ILogger logger, long mailId, string kind, long runId, int attempt, DateTime nextAttemptAt, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Mail {MailId}: try {Try} failed, trying again in {Delay}: {Error}")]
    public static partial void MailRetrying(ILogger logger, long mailId, int @try, TimeSpan delay, string error);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Mail {MailId} was sent but could not be marked sent; it may be sent again with the same Message-ID")]
    public static partial void MarkSentFailed(ILogger logger, Exception exception, long mailId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "The outbox could not be read or updated: {Error}")]
    public static partial void OutboxUnavailable(ILogger logger, Exception exception, string error);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Outbox sender started: every {Interval}")]
    public static partial void SenderStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Retention: removed {Folders} evidence folder(s), {LogLines} log line(s) and {Mails} sent mail(s) older than {Cutoff:u}")]
    public static partial void Purged(ILogger logger, int folders, int logLines, int mails, DateTime cutoff);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Retention is off (VIBE_RETENTION_DAYS is 0)")]
    public static partial void RetentionOff(ILogger logger);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "Retention purge failed: {Error}")]
    public static partial void PurgeFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Could not remove the evidence folder {Folder}: {Error}")]
    public static partial void FolderNotRemoved(ILogger logger, string folder, string error);
}
