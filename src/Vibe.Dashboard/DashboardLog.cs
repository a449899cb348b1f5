using Microsoft.Extensions.Logging;

namespace Vibe.Dashboard;

/// <summary>The dashboard's log events (ids 7000–7099).</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "dashboard action by {User}: {Action}")]
    public static partial void Action(ILogger logger, string user, string action);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "vibe dashboard listening on {Urls}")]
    public static partial void Listening(ILogger logger, string urls);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "sign-in refused for {User} from {Address}")]
    public static partial void SignInRefused(ILogger logger, string user, string address);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "{User} is locked out until {Until} after repeated failed sign-ins")]
    public static partial void LockedOut(ILogger logger, string user, DateTime until);
}
