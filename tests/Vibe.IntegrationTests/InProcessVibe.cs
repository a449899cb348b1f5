using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>vibe's real composition root built in the test process, for a workspace and a database.</summary>
internal sealed class InProcessVibe : IAsyncDisposable
{
    private InProcessVibe(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public static async Task<InProcessVibe> StartAsync(TempWorkspace workspace, IReadOnlyDictionary<string, string>? environment = null, bool migrate = true, Action<IServiceCollection>? configure = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        var settings = VibeSettings.Load(workspace.Directory, variables.GetValueOrDefault, variables.Keys);
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddVibe(settings);
        configure?.Invoke(collection);
        var services = collection
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var vibe = new InProcessVibe(services);
        if (migrate)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        return vibe;
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public VibeDbContext CreateDbContext() => Services.GetRequiredService<IVibeDbContextFactory>().Create();

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
