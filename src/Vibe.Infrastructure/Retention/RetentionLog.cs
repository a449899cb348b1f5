using Microsoft.Extensions.Logging;

namespace Vibe.Infrastructure.Retention;

/// <summary>Log definitions of the retention purge (event ids 4110-4119, unchanged since they were logged with notifications).</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Retention: removed {Folders} evidence folder(s), {StoredFiles} evidence file(s) from the store ({StoredBytes} bytes), {LogLines} log line(s) and {Mails} sent mail(s) older than {Cutoff:u}")]
    public static partial void Purged(ILogger logger, int folders, int storedFiles, long storedBytes, int logLines, int mails, DateTime cutoff);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Retention is off (VIBE_RETENTION_DAYS is 0)")]
    public static partial void RetentionOff(ILogger logger);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "Retention purge failed: {Error}")]
    public static partial void PurgeFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Could not remove the evidence folder {Folder}: {Error}")]
    public static partial void FolderNotRemoved(ILogger logger, string folder, string error);
}
