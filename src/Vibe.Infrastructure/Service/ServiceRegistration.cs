using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Vibe.Infrastructure.Queue;

namespace Vibe.Infrastructure.Service;

public static class ServiceRegistration
{
    /// <summary>
    /// The long-running service's parts: the Quartz scheduler with one trigger per robot, the worker, the
    /// housekeeper (abandoned runs, missed fire times), the heartbeat and the stop-file watcher.
    /// </summary>
    public static IServiceCollection AddVibeService(this IServiceCollection services)
    {
        services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();
        services.AddSingleton<WorkerState>();
        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 4);
        });
        services.AddTransient<ScheduledRunJob>();
        services.AddHostedService<ServiceHeartbeat>();
        services.AddSingleton<RobotScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<RobotScheduler>());
        services.AddHostedService<Housekeeper>();
        services.AddHostedService<RunWorker>();
        services.AddHostedService<StopRequestWatcher>();
        return services;
    }
}
