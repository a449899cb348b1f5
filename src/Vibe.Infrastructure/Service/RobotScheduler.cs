using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Robots;
using Vibe.Infrastructure.Scheduling;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// Keeps one Quartz cron trigger per enabled, scheduled robot, in the robot's time zone. Watches robots.json and
/// robots.d/ and applies a valid change without a restart (triggers added, changed, removed); an invalid change is
/// logged with the same errors `vibe validate` prints, and the last valid configuration stays in force.
/// Quartz never catches up by itself (do-nothing misfires): missed fire times are the Housekeeper's, so that every
/// one is recorded according to the robot's misfire policy.
/// </summary>
internal sealed class RobotScheduler : IHostedService, IDisposable
{
    private const string Group = "robots";
    private readonly ISchedulerFactory _factory;
    private readonly RobotCatalog _catalog;
    private readonly VibeLocations _locations;
    private readonly TimeProvider _time;
    private readonly WorkerState _state;
    private readonly ILogger<RobotScheduler> _logger;
    private readonly Dictionary<string, string> _applied = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _applying = new(1, 1);
    private readonly List<FileSystemWatcher> _watchers = [];
    private IScheduler? _scheduler;
    private Timer? _debounce;

    public RobotScheduler(ISchedulerFactory factory, RobotCatalog catalog, VibeLocations locations, TimeProvider time, WorkerState state, ILogger<RobotScheduler> logger)
    {
        _factory = factory;
        _catalog = catalog;
        _locations = locations;
        _time = time;
        _state = state;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _scheduler = await _factory.GetScheduler(cancellationToken);

        // Watch first, then read: an edit made while the service was starting (after the host checked the files,
        // before the watcher ran) is in this read, and any later one raises an event. A broken file here keeps the
        // configuration the host checked, as any broken edit does.
        Watch();
        var loaded = _catalog.Reload();
        if (!loaded.IsValid)
        {
            ServiceLog.ConfigurationRejected(_logger, string.Concat(loaded.Errors.Select(error => "\n  " + error)));
        }

        await ApplyAsync(await _catalog.GetAsync(cancellationToken), cancellationToken);
        _state.SchedulerStartedAt = _time.GetUtcNow().UtcDateTime;
        await _scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
        }

        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    public void Dispose()
    {
        _debounce?.Dispose();
        _watchers.ForEach(watcher => watcher.Dispose());
        _applying.Dispose();
    }

    /// <summary>Reads the robot files again and applies them if they are valid.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var loaded = _catalog.Reload();
        if (!loaded.IsValid)
        {
            ServiceLog.ConfigurationRejected(_logger, string.Concat(loaded.Errors.Select(error => "\n  " + error)));
            return;
        }

        await ApplyAsync(loaded, cancellationToken);
        ServiceLog.ConfigurationApplied(_logger, loaded.Robots.Count);
    }

    private async Task ApplyAsync(RobotCatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        await _applying.WaitAsync(cancellationToken);
        try
        {
            var wanted = catalog.Robots
                .Where(robot => robot is { Enabled: true, Schedule: not null })
                .ToDictionary(robot => robot.Name, StringComparer.OrdinalIgnoreCase);

            foreach (var name in _applied.Keys.Where(name => !wanted.ContainsKey(name)).ToList())
            {
                await _scheduler!.DeleteJob(new JobKey(name, Group), cancellationToken);
                _applied.Remove(name);
                _state.ScheduledSince.TryRemove(name, out _);
                ServiceLog.Unscheduled(_logger, name);
            }

            foreach (var robot in wanted.Values)
            {
                var signature = $"{robot.Schedule!.Cron}|{robot.Schedule.TimeZone}";
                if (_applied.TryGetValue(robot.Name, out var current) && current == signature)
                {
                    continue; // unchanged: keep the trigger, so no fire time is lost to a re-add
                }

                await ScheduleAsync(robot, cancellationToken);
                _applied[robot.Name] = signature;
            }
        }
        finally
        {
            _applying.Release();
        }
    }

    private async Task ScheduleAsync(RobotDefinition robot, CancellationToken cancellationToken)
    {
        var schedule = robot.Schedule!;
        QuartzScheduleCalendar.TryFindZone(schedule.TimeZone, out var zone);
        var since = _time.GetUtcNow();
        var job = JobBuilder.Create<ScheduledRunJob>()
            .WithIdentity(robot.Name, Group)
            .UsingJobData(ScheduledRunJob.RobotKey, robot.Name)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(robot.Name, Group)
            .ForJob(job)
            .WithCronSchedule(schedule.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .StartAt(since)
            .Build();
        await _scheduler!.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        _state.ScheduledSince[robot.Name] = since.UtcDateTime;
        ServiceLog.Scheduled(_logger, robot.Name, schedule.Cron, schedule.TimeZone, QuartzScheduleCalendar.Expression(schedule).GetNextValidTimeAfter(_time.GetUtcNow()));
    }

    private void Watch()
    {
        _debounce = new Timer(_ => _ = ReloadQuietlyAsync(), null, Timeout.Infinite, Timeout.Infinite);
        void Changed(object sender, FileSystemEventArgs e) => _debounce!.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);

        var folder = Path.GetDirectoryName(_locations.RobotsFile)!;
        AddWatcher(folder, Path.GetFileName(_locations.RobotsFile), Changed);
        if (Directory.Exists(_locations.RobotsDirectory))
        {
            AddWatcher(_locations.RobotsDirectory, "*.json", Changed);
        }
    }

    private void AddWatcher(string folder, string filter, FileSystemEventHandler changed)
    {
        var watcher = new FileSystemWatcher(folder, filter) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (sender, e) => changed(sender, e);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            ServiceLog.ReloadFailed(_logger, ex);
        }
    }
}

/// <summary>A thin Quartz job: the fire time becomes an EnqueueScheduledRun command, nothing more.</summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledRunJob : IJob
{
    public const string RobotKey = "robot";
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ScheduledRunJob> _logger;

    private readonly StoreHealth _health;
    private readonly WorkerState _state;

    public ScheduledRunJob(IServiceScopeFactory scopes, StoreHealth health, WorkerState state, ILogger<ScheduledRunJob> logger)
    {
        _scopes = scopes;
        _health = health;
        _state = state;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var robot = context.MergedJobDataMap.GetString(RobotKey)!;
        var fireTime = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<Mediator.IMediator>();
            var outcome = await mediator.Send(new Application.Schedules.EnqueueScheduledRun.EnqueueScheduledRun(robot, fireTime), cancellationToken);
            _health.Succeeded();
            if (_logger.IsEnabled(LogLevel.Information))
            {
                ServiceLog.Fired(_logger, robot, fireTime, outcome.Decision.ToString(), outcome.RunId is { } id ? $"run {id} {outcome.Reason}" : outcome.Reason);
            }
        }
        catch (Exception ex)
        {
            // A fire time that could not be recorded now is a gap the Housekeeper's catch-up finds and records later.
            _health.Report($"recording a fire time of {robot}", ex);
            _state.UnrecordedFireTimes.AddOrUpdate(robot, fireTime, (_, known) => known > fireTime ? known : fireTime);
        }
    }
}
