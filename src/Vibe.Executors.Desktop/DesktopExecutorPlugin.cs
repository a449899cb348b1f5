using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Executors.Plugins;

[assembly: VibeExecutor(typeof(Vibe.Executors.Desktop.DesktopExecutorPlugin))]

namespace Vibe.Executors.Desktop;

/// <summary>The "desktop" executor's entry point, the same one plug-ins implement (docs/executors.md).</summary>
public sealed class DesktopExecutorPlugin : IVibeExecutorPlugin
{
    public void Register(IServiceCollection services) => services.AddDesktopExecutor();
}
