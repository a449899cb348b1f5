using Microsoft.EntityFrameworkCore;
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

    /// <summary>The embedded SQLite store needs no set-up: migrate it on first use. Other providers are migrated on purpose.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (IsEmbedded)
        {
            await MigrateAsync(cancellationToken);
        }
    }
}
