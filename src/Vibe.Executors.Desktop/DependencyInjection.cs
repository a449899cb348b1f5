using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor;
using Vibe.Executors.Desktop.Inspect;
using Vibe.Executors.Desktop.KeepAlive;
using Vibe.Executors.Desktop.Linux;

namespace Vibe.Executors.Desktop;

public static partial class DependencyInjection
{
    /// <summary>
    /// Registers the "desktop" executor, the keep-alive that runs around every robot, `vibe inspect`'s
    /// <see cref="IDesktopInspector"/>, and the backends: X11 here, Windows when its part is compiled in.
    /// </summary>
    public static IServiceCollection AddDesktopExecutor(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDesktopDriverFactory, X11DriverFactory>());
        AddWindowsBackend(services);
        services.TryAddSingleton<DesktopDrivers>();
        services.TryAddSingleton<IDesktopInspector, DesktopInspector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRobotExecutor, DesktopExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunActivityHook, DesktopKeepAlive>());
        return services;
    }

    /// <summary>
    /// Implemented in Windows/ (registers its IDesktopDriverFactory); a partial method without a body compiles to
    /// nothing, so this project builds with or without the Windows backend present.
    /// </summary>
    static partial void AddWindowsBackend(IServiceCollection services);
}
