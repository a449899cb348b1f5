using Microsoft.Extensions.DependencyInjection;
using Vibe.Application;
using Vibe.Application.Executors.Plugins;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Executors.Desktop;
using Vibe.Executors.Web;
using Vibe.Infrastructure;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Executors;

namespace Vibe.Host;

/// <summary>
/// The composition root: every layer's registration, the executors (built in and from the executors folders),
/// and the generated mediator. A broken executor plug-in is a <see cref="Vibe.Application.Common.Errors.VibeException"/>.
/// </summary>
public static class Composition
{
    public static IServiceCollection AddVibe(this IServiceCollection services, VibeSettings settings)
    {
        services.AddVibeApplication();
        services.AddVibeInfrastructure(settings);

        // Built-in and plug-in executors join through the same entry point (IVibeExecutorPlugin, docs/executors.md).
        services.AddExecutorPlugin(typeof(WebExecutorPlugin).Assembly);
        services.AddExecutorPlugin(typeof(DesktopExecutorPlugin).Assembly);
        foreach (var plugin in ExecutorPluginLoader.Load(ExecutorPluginLoader.Roots(settings)))
        {
            ExecutorPluginLoader.Register(plugin, assembly => services.AddExecutorPlugin(assembly));
        }

        services.AddMediator(options =>
        {
            // Handlers use the scoped DbContext.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(EnqueueRun)];
        });
        return services;
    }
}
