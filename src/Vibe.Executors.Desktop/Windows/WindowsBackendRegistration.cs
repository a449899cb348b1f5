using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows;

namespace Vibe.Executors.Desktop;

public static partial class DependencyInjection
{
    // Registered only on Windows so Linux hosts never see a backend they cannot open.
    static partial void AddWindowsBackend(IServiceCollection services)
    {
        if (OperatingSystem.IsWindows())
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IDesktopDriverFactory, WindowsDesktopDriverFactory>());
        }
    }
}
