using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Vibe.Infrastructure.Queue;

namespace Vibe.Infrastructure.Service;

public static class ServiceRegistration
{
    private static readonly TimeSpan MinimumQuartzMisfireThreshold = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The long-running service's parts: the Quartz scheduler with one trigger per robot, the worker, the
    /// housekeeper (abandoned runs, missed fire times), the heartbeat and the stop-file watcher.
    /// </summary>
    public static IServiceCollection AddVibeService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceOptions>()
            .Configure<IConfiguration>((options, settings) => ServiceOptions.ReadInto(options, settings))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceSettingsCheck>();
        services.AddSingleton<WorkerState>();

        // Quartz's in-memory store drops a fire time that is more than 5 s late (a busy machine, a slow enqueue
        // holding back the next fire of a [DisallowConcurrentExecution] job), and the catch-up only looks after
        // the last recorded fire time: the fire time would be lost. Quartz may fire late for as long as the
        // Housekeeper waits before treating a fire time as missed; past that, the Housekeeper records it.
        var threshold = ServiceOptions.Read(configuration).MisfireThreshold;
        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore(store => store.MisfireThreshold = threshold < MinimumQuartzMisfireThreshold ? MinimumQuartzMisfireThreshold : threshold);
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 4);
        });
        services.AddTransient<ScheduledRunJob>();
        services.AddHostedService<ServiceHeartbeat>();
        services.AddSingleton<RobotScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<RobotScheduler>());
        services.AddHostedService<Housekeeper>();
        services.AddHostedService<RunWorker>();
        services.AddHostedService<StopRequestWatcher>();
        services.AddHostedService<WakeRequestWatcher>();
        return services;
    }
}
