using Microsoft.Extensions.Logging;

namespace Vibe.Infrastructure.Notifications;

/// <summary>Log definitions of the outbox sender (event ids 4100-4109; retention keeps 4110-4119 in <c>RetentionLog</c>).</summary>
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
}
