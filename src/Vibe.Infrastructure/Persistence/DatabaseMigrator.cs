using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Persistence;

/// <summary>Creates or upgrades the run store's tables: on demand (`vibe db migrate`), and by itself for SQLite.</summary>
public sealed class DatabaseMigrator
{
    private readonly IVibeDbContextFactory _contexts;
    private readonly VibeSettings _settings;

    public DatabaseMigrator(IVibeDbContextFactory contexts, VibeSettings settings)
    {
        _contexts = contexts;
        _settings = settings;
    }

    public bool IsEmbedded => string.Equals(_settings.Database.Provider.Trim(), DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies pending migrations; returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
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
        var connection = new SqliteConnectionStringBuilder(SqliteConnections.WithDefaults(
            DatabaseRegistration.ConnectionString(_settings.Database, _settings.Locations.DefaultSqlitePath)));
        if (connection.Mode == SqliteOpenMode.Memory || connection.DataSource == ":memory:" || !File.Exists(connection.DataSource))
        {
            return false;
        }

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

    private static readonly Lazy<IReadOnlyList<string>> SqliteMigrations = new(() =>
        typeof(SqliteVibeDbContext).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteVibeDbContext))
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToList());
}
