using System.Data.Common;
using System.Net.Sockets;

namespace Vibe.Infrastructure.Persistence;

/// <summary>
/// Tells a store that is down, unreachable or refusing (an operator's problem, said in one line) from a bug, and says
/// which in words: the CLI's error line and the service's outage line read the same.
/// </summary>
public static class StoreErrors
{
    /// <summary>Whether the exception (or one it wraps) comes from reaching or using the database.</summary>
    public static bool IsStoreError(Exception exception) => Chain(exception).Any(e => e is DbException or SocketException or TimeoutException);

    /// <summary>The most telling message in the chain (the database driver's), on one line.</summary>
    public static string Describe(Exception exception)
    {
        var driver = Chain(exception).LastOrDefault(e => e is DbException or SocketException) ?? exception;
        var message = driver.Message;
        if (message.Contains("no such table", StringComparison.OrdinalIgnoreCase)
            || message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Invalid object name", StringComparison.OrdinalIgnoreCase))
        {
            message += " (the database has no vibe tables yet: run `vibe db migrate`)";
        }

        return message.ReplaceLineEndings(" ").Trim();
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
