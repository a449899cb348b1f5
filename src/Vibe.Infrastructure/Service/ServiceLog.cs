using Microsoft.Extensions.Logging;

namespace Vibe.Infrastructure.Service;

/// <summary>What the service says in its log, with stable event ids.</summary>
internal static partial class ServiceLog
{
    // "vibe service started on ..." is written by the host (src/Vibe.Host/Cli/ServiceRunner.cs) once every hosted
    // service has started.

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "vibe service stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "run {RunId} claimed{Robot}")]
    public static partial void Claimed(ILogger logger, long runId, string robot);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "run {RunId} of {Robot} ended {Status}")]
    public static partial void Finished(ILogger logger, long runId, string robot, string status);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "stopping: run {RunId} did not finish within the grace period of {Grace}; cancelling it")]
    public static partial void CancellingAfterGrace(ILogger logger, long runId, TimeSpan grace);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "run {RunId} lost its lease (another host marked it abandoned); cancelling it here")]
    public static partial void LeaseLost(ILogger logger, long runId);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "fire time {FireTime:u} of {Robot}: {Decision} {Detail}")]
    public static partial void Fired(ILogger logger, string robot, DateTime fireTime, string decision, string? detail);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "scheduled {Robot}: {Cron} ({TimeZone}), next fire time {Next}")]
    public static partial void Scheduled(ILogger logger, string robot, string cron, string timeZone, DateTimeOffset? next);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Information, Message = "unscheduled {Robot}")]
    public static partial void Unscheduled(ILogger logger, string robot);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information, Message = "robot files changed: configuration applied ({Count} robots)")]
    public static partial void ConfigurationApplied(ILogger logger, int count);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Error, Message = "robot files changed but have errors; the last valid configuration stays in force:{Errors}")]
    public static partial void ConfigurationRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Error, Message = "robot files changed but could not be read again; the configuration in force stays")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Warning, Message = "run {RunId} marked Abandoned: its worker stopped renewing the lease")]
    public static partial void Abandoned(ILogger logger, long runId);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Information, Message = "missed fire times: {Queued} catch-up run(s) queued, {Skipped} recorded as Skipped")]
    public static partial void CaughtUp(ILogger logger, int queued, int skipped);



    [LoggerMessage(EventId = 2050, Level = LogLevel.Warning, Message = "the store is unavailable ({What}): {Reason}; the service keeps running and tries again")]
    public static partial void StoreDown(ILogger logger, string what, string reason);

    [LoggerMessage(EventId = 2051, Level = LogLevel.Debug, Message = "store failure during {What}")]
    public static partial void StoreFailureDetails(ILogger logger, Exception exception, string what);

    [LoggerMessage(EventId = 2052, Level = LogLevel.Information, Message = "the store is reachable again (it was away for {Outage})")]
    public static partial void StoreBack(ILogger logger, TimeSpan outage);

    [LoggerMessage(EventId = 2053, Level = LogLevel.Error, Message = "{What} failed; trying again")]
    public static partial void PartFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(EventId = 2054, Level = LogLevel.Warning, Message = "run {RunId} ended {Status} but the store could not record it; its outcome is kept in {Journal} and recorded as soon as the store answers")]
    public static partial void OutcomeKept(ILogger logger, long runId, string status, string journal);

    [LoggerMessage(EventId = 2055, Level = LogLevel.Information, Message = "run {RunId}: outcome {Status} recorded from the journal")]
    public static partial void OutcomeRecorded(ILogger logger, long runId, string status);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "stop requested by `vibe stop-service`")]
    public static partial void StopRequested(ILogger logger);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Information, Message = "runs queued by other processes are noticed at the next poll only: {Reason}")]
    public static partial void WakeWatchUnavailable(ILogger logger, string reason);
}
