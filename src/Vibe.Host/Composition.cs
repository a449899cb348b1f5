using Microsoft.Extensions.DependencyInjection;
using Vibe.Application;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Executors.Desktop;
using Vibe.Executors.Web;
using Vibe.Infrastructure;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Host;

/// <summary>The composition root: every layer's registration, and the generated mediator.</summary>
public static class Composition
{
    public static IServiceCollection AddVibe(this IServiceCollection services, VibeSettings settings)
    {
        services.AddVibeApplication();
        services.AddVibeInfrastructure(settings);
        services.AddWebExecutor();
        services.AddDesktopExecutor();
        services.AddMediator(options =>
        {
            // Handlers use the scoped DbContext.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(EnqueueRun)];
        });
        return services;
    }
}
