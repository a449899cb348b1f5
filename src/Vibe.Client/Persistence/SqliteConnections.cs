using Microsoft.Data.Sqlite;
using Vibe.Application.Common.Errors;

namespace Vibe.Infrastructure.Persistence;

internal static class SqliteConnections
{
    /// <summary>A CLI and a service share one SQLite file: wait for a lock rather than fail at once.</summary>
    public static string WithDefaults(string connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 60;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Creates the folder of the store's file, so the embedded default needs no set-up. Called only where a store is
    /// meant to be created (the migrator), never by merely configuring a context: read commands create nothing.
    /// </summary>
    public static void EnsureFolder(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VibeException(VibeErrorKind.Unavailable, $"cannot create the folder {folder} for the SQLite store (VIBE_DATA_DIR or VIBE_DB_CONNECTION): {ex.Message}");
        }
    }
}
