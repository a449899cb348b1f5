namespace Vibe.Application.Store;

/// <summary>Creates or upgrades the run store's tables for the configured provider.</summary>
public interface IStoreMigrator
{
    /// <summary>Applies the pending migrations; returns their names (empty when the store is up to date).</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
