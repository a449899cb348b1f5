using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vibe.Host;
using Vibe.Infrastructure;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests.Support;

/// <summary>A generic host wired as the service host wires it (AddVibe, then AddOutboxSender / AddRetention).</summary>
public static class ServiceHost
{
    public static async Task<IHost> BuildAsync(TempWorkspace workspace, Action<IServiceCollection> wire)
    {
        var settings = VibeSettings.Load(workspace.Directory, _ => null, []);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddVibe(settings);
        wire(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return host;
    }

    public static Task<IHost> WithOutboxSenderAsync(TempWorkspace workspace) => BuildAsync(workspace, services => services.AddOutboxSender());
}
