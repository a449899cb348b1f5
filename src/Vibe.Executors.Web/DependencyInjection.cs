using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Executors;

namespace Vibe.Executors.Web;

public static class DependencyInjection
{
    /// <summary>Registers the "web" executor (Playwright driving Chromium, Chrome or Edge).</summary>
    public static IServiceCollection AddWebExecutor(this IServiceCollection services)
    {
        services.AddSingleton<IRobotExecutor, WebExecutor>();
        return services;
    }
}
