using Microsoft.Extensions.DependencyInjection;

namespace Vibe.Executors.Web;

public static class DependencyInjection
{
    /// <summary>Registers the "web" executor (Playwright).</summary>
    public static IServiceCollection AddWebExecutor(this IServiceCollection services)
    {
        return services;
    }
}
