using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Executors.Plugins;

[assembly: VibeExecutor(typeof(Vibe.Executors.Web.WebExecutorPlugin))]

namespace Vibe.Executors.Web;

/// <summary>The "web" executor's entry point, the same one plug-ins implement (docs/executors.md).</summary>
public sealed class WebExecutorPlugin : IVibeExecutorPlugin
{
    public void Register(IServiceCollection services) => services.AddWebExecutor();
}
