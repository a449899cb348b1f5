using Microsoft.Extensions.DependencyInjection;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests.Support;

/// <summary>
/// vibe's real composition (every layer, the generated mediator, SQLite in the workspace's data folder) built in the
/// test process, for tests that drive the dispatcher, the hosted services or ExecuteRun with a clock of their own.
/// Settings come from the workspace's .env only, never from the test process's environment.
/// </summary>
public sealed class InProcessVibe : IAsyncDisposable
{
    private InProcessVibe(ServiceProvider services)
    {
        Services = services;
    }

    public ServiceProvider Services { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static async Task<InProcessVibe> StartAsync(TempWorkspace workspace, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var settings = VibeSettings.Load(workspace.Directory, _ => null, []);
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging();
        services.AddVibe(settings);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new InProcessVibe(provider);
    }

    /// <summary>A fresh context on the same store, as another process would see it.</summary>
    public VibeDbContext Database() => Get<IVibeDbContextFactory>().Create();

    public async Task<T> WithDatabaseAsync<T>(Func<VibeDbContext, Task<T>> query)
    {
        await using var db = Database();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnectionPools.Clear();
    }
}

internal static class SqliteConnectionPools
{
    /// <summary>Lets the workspace folder be deleted: pooled connections keep the SQLite file open.</summary>
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
