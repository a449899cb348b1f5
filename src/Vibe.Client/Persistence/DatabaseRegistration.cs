using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Infrastructure.Persistence;

/// <summary>Chooses the provider's context type and configures it; the rest of vibe sees only <see cref="VibeDbContext"/>.</summary>
internal static class DatabaseRegistration
{
    public static IServiceCollection AddVibeDatabase(this IServiceCollection services, DatabaseOptions options, string defaultSqlitePath)
    {
        var provider = options.Provider.Trim().ToLowerInvariant();
        var connection = ConnectionString(options, defaultSqlitePath);
        return provider switch
        {
            DatabaseProviders.SqlServer => services.AddServerStore(provider, connection),
            DatabaseProviders.Postgres => services.AddContext<PostgresVibeDbContext>(builder => ConfigurePostgres(builder, connection)),
            _ => services.AddContext<SqliteVibeDbContext>(builder => ConfigureSqlite(builder, connection)),
        };
    }

    /// <summary>The configured connection string; for SQLite without one, the file in the data folder.</summary>
    public static string ConnectionString(DatabaseOptions options, string defaultSqlitePath) =>
        string.IsNullOrWhiteSpace(options.Connection) ? $"Data Source={defaultSqlitePath}" : options.Connection;

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connection) =>
        builder.UseSqlite(SqliteConnections.WithDefaults(connection));

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connection) =>
        builder.UseNpgsql(PostgresConnections.WithDefaults(connection));

    private static IServiceCollection AddServerStore(this IServiceCollection services, string provider, string connection)
    {
        var store = ServerStores.Find(provider)!;
        store.AddContext(services, connection);
        services.AddSingleton(store);
        return services;
    }

    public static IServiceCollection AddContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : VibeDbContext
    {
        services.AddDbContextFactory<TContext>(configure, ServiceLifetime.Singleton);
        services.AddScoped<VibeDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddScoped<IVibeDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<IVibeDbContextFactory>(provider => new VibeDbContextFactory<TContext>(provider.GetRequiredService<IDbContextFactory<TContext>>()));
        return services;
    }

    private sealed class VibeDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IVibeDbContextFactory
        where TContext : VibeDbContext
    {
        public VibeDbContext Create() => inner.CreateDbContext();
    }
}

/// <summary>Short-lived contexts for background writers (run log, heartbeats) that live outside a request scope.</summary>
public interface IVibeDbContextFactory
{
    VibeDbContext Create();
}
