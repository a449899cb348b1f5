using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vibe.Client;

public static class DependencyInjection
{
    /// <summary>
    /// Registers a <see cref="VibeClient"/> for the configuration folder <paramref name="configDirectory"/> (robots.json,
    /// robots.d/, .env) as a singleton, opened on first use. It keeps vibe's own services in a container of its own, so
    /// nothing of vibe (its mediator, its DbContext) meets the program's registrations. docs/library.md shows it in use.
    /// </summary>
    public static IServiceCollection AddVibeClient(this IServiceCollection services, string configDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configDirectory);
        services.AddSingleton(provider => VibeClient.Open(configDirectory, provider.GetService<ILoggerFactory>()));
        return services;
    }
}
