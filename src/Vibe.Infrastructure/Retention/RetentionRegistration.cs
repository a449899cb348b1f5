using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.PurgeHistory;

namespace Vibe.Infrastructure.Retention;

internal static class RetentionRegistration
{
    /// <summary>The retention settings with their check and the purge itself (`vibe purge`, the service); no hosted service.</summary>
    public static IServiceCollection AddVibeRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<RetentionSettingsCheck>();
        services.AddSingleton<ISettingsCheck>(provider => provider.GetRequiredService<RetentionSettingsCheck>());
        services.AddSingleton<IValidateOptions<RetentionOptions>>(provider => provider.GetRequiredService<RetentionSettingsCheck>());
        services.AddSingleton<RunRetention>();
        services.AddSingleton<IRunRetention>(provider => provider.GetRequiredService<RunRetention>());
        return services;
    }
}
