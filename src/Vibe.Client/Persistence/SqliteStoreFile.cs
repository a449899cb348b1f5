using Microsoft.Data.Sqlite;
using Vibe.Application.Common.Errors;

namespace Vibe.Infrastructure.Persistence;

/// <summary>
/// The embedded store's file as found on disk. vibe creates it when it is missing, and refuses one that is empty or
/// not its own rather than replace it: a 0-byte or foreign vibe.db is someone's history or someone's data.
/// </summary>
internal static class SqliteStoreFile
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// <summary>The file's path, or null for an in-memory database.</summary>
    public static string? PathOf(string connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>Throws a one-line error when the file exists but is empty or is not a SQLite database.</summary>
    public static void RefuseUnusable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new VibeException(VibeErrorKind.Unavailable, $"the SQLite store {path} is a folder, not a file; point VIBE_DATA_DIR or VIBE_DB_CONNECTION elsewhere");
        }

        if (!File.Exists(path))
        {
            return;
        }

        var head = new byte[Header.Length];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            throw new VibeException(
                VibeErrorKind.Unavailable,
                $"the SQLite store {path} is empty (0 bytes), so it holds no history; vibe will not replace it: restore it from a backup, or delete it to start a new store");
        }

        if (read < Header.Length || !head.AsSpan().SequenceEqual(Header))
        {
            throw new VibeException(
                VibeErrorKind.Unavailable,
                $"{path} is not a SQLite database; vibe will not replace it: move it away or point VIBE_DATA_DIR or VIBE_DB_CONNECTION elsewhere");
        }
    }

    /// <summary>Whether a SQLite file with tables holds none of vibe's (someone else's database).</summary>
    public static async Task RefuseForeignAsync(SqliteConnection open, string path, CancellationToken cancellationToken)
    {
        await using var command = open.CreateCommand();
        command.CommandText = """SELECT group_concat(name, ', ') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'""";
        var tables = await command.ExecuteScalarAsync(cancellationToken) as string;
        if (string.IsNullOrEmpty(tables) || tables.Split(", ").Contains("__EFMigrationsHistory"))
        {
            return;
        }

        throw new VibeException(
            VibeErrorKind.Unavailable,
            $"{path} is a SQLite database but not vibe's (its tables: {Shorten(tables)}); vibe will not add its own: point VIBE_DATA_DIR or VIBE_DB_CONNECTION elsewhere");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
