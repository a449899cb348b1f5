using Microsoft.Extensions.DependencyInjection;

namespace Vibe.Executors.Desktop;

public static partial class DependencyInjection
{
    /// <summary>Registers the "desktop" executor, its keep-alive and its session check.</summary>
    public static IServiceCollection AddDesktopExecutor(this IServiceCollection services)
    {
        AddWindowsBackend(services);
        return services;
    }

    /// <summary>
    /// Implemented in Windows/ (registers its IDesktopDriverFactory); a partial method without a body compiles to
    /// nothing, so this project builds with or without the Windows backend present.
    /// </summary>
    static partial void AddWindowsBackend(IServiceCollection services);
}
