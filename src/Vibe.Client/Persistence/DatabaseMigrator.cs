using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vibe.Application.Store;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Persistence;

/// <summary>Creates or upgrades the run store's tables: on demand (`vibe db migrate`), and by itself for SQLite.</summary>
public sealed class DatabaseMigrator : IStoreMigrator
{
    private readonly IVibeDbContextFactory _contexts;
    private readonly VibeSettings _settings;

    public DatabaseMigrator(IVibeDbContextFactory contexts, VibeSettings settings)
    {
        _contexts = contexts;
        _settings = settings;
    }

    public bool IsEmbedded => string.Equals(_settings.Database.Provider.Trim(), DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>The embedded store's file, or null for a server database or an in-memory one.</summary>
    public string? SqliteFile => IsEmbedded ? SqliteStoreFile.PathOf(SqliteConnection) : null;

    /// <summary>
    /// Whether there is a store to read. Read commands ask first, so that they never create a store or a data folder;
    /// an embedded store that exists but is empty or foreign is refused with one line.
    /// </summary>
    public bool StoreExists()
    {
        if (SqliteFile is not { } path)
        {
            return true;
        }

        SqliteStoreFile.RefuseUnusable(path);
        return File.Exists(path);
    }

    /// <summary>Applies pending migrations; returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await RefuseUnusableSqliteAsync(cancellationToken);
        await using var db = _contexts.Create();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }

    /// <summary>Migrations not yet applied to the database.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = _contexts.Create();
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }

    /// <summary>The embedded SQLite store needs no set-up: migrate it on first use. Other providers are migrated on purpose.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (IsEmbedded && !await SqliteStoreIsCurrentAsync(cancellationToken))
        {
            await MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Every command checks the SQLite store first. EF Core's migrator costs most of a second of start-up
    /// (docs/performance.md); one query of the history table against the migrations this build carries tells
    /// the same thing when nothing is pending, which is nearly always.
    /// </summary>
    private async Task<bool> SqliteStoreIsCurrentAsync(CancellationToken cancellationToken)
    {
        if (SqliteFile is not { } path)
        {
            return false;
        }

        SqliteStoreFile.RefuseUnusable(path);
        if (!File.Exists(path))
        {
            return false;
        }

        var connection = new SqliteConnectionStringBuilder(SqliteConnections.WithDefaults(SqliteConnection));

        try
        {
            await using var sqlite = new SqliteConnection(connection.ToString());
            await sqlite.OpenAsync(cancellationToken);
            await using var command = sqlite.CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return SqliteMigrations.Value.All(applied.Contains);
        }
        catch (SqliteException)
        {
            // No history table yet (a new or foreign file): the migrator decides, and reports what is wrong.
            return false;
        }
    }

    private string SqliteConnection => DatabaseRegistration.ConnectionString(_settings.Database, _settings.Locations.DefaultSqlitePath);

    /// <summary>An existing SQLite file must be a vibe store (or an empty SQLite database) before vibe migrates it.</summary>
    private async Task RefuseUnusableSqliteAsync(CancellationToken cancellationToken)
    {
        if (SqliteFile is not { } path)
        {
            return;
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            SqliteConnections.EnsureFolder(path);
            return;
        }

        SqliteStoreFile.RefuseUnusable(path);
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(SqliteConnection) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        await sqlite.OpenAsync(cancellationToken);
        await SqliteStoreFile.RefuseForeignAsync(sqlite, path, cancellationToken);
    }

    private static readonly Lazy<IReadOnlyList<string>> SqliteMigrations = new(() =>
        typeof(SqliteVibeDbContext).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteVibeDbContext))
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToList());
}
