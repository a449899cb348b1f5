using Microsoft.Data.Sqlite;

namespace Vibe.Infrastructure.Persistence;

internal static class SqliteConnections
{
    /// <summary>
    /// A CLI and a service share one SQLite file: wait for a lock rather than fail at once, and create the
    /// file's folder so the embedded default needs no set-up.
    /// </summary>
    public static string WithDefaults(string connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 60;
        }

        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                try
                {
                    Directory.CreateDirectory(folder);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new Application.Common.Errors.VibeException(
                        Application.Common.Errors.VibeErrorKind.Unavailable,
                        $"cannot create the folder {folder} for the SQLite store (VIBE_DATA_DIR or VIBE_DB_CONNECTION): {ex.Message}");
                }
            }
        }

        return builder.ToString();
    }
}
