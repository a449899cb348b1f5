using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Bench.Harness;
using Vibe.Bench.Subjects;
using Vibe.Domain.Runs;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;
using Vibe.Infrastructure.Service;

namespace Vibe.Bench.Figures;

/// <summary>
/// Figure 2: how soon a queued run starts with an idle worker (queued in the service's own process, and by `vibe
/// run-now` from another process), and how late scheduled runs start after their fire time.
/// </summary>
internal sealed class LatencyFigure : IFigure
{
    public string Name => "latency";

    public async Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct)
    {
        var sameProcess = await SameProcessAsync(environment, environment.Scale(50, 20), ct);
        Console.WriteLine($"same process: {sameProcess.Latency()}");
        var (cliTotal, cliPickup) = await FromCliAsync(environment, environment.Scale(12, 6), ct);
        Console.WriteLine($"from the CLI: {cliTotal.Latency("0")}; queued to start {cliPickup.Latency("0")}");
        var everySecond = await EverySecondAsync(environment, environment.Scale(40, 20), ct);
        Console.WriteLine($"every second: {everySecond.Latency()}");
        var sameMinute = await SameFireTimeAsync(environment, 100, ct);
        Console.WriteLine($"100 robots, one fire time: {sameMinute.Latency()}");

        var text = new StringBuilder();
        text.AppendLine("## 2. Latency");
        text.AppendLine();
        text.AppendLine("On the embedded SQLite store with default settings; robots with one `log` step; one run at a time.");
        text.AppendLine();
        text.AppendLine("| what | latency |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| enqueue → Running, queued in the service's process (idle worker) | {sameProcess.Latency()} |");
        text.AppendLine($"| `vibe run-now` started → Running, service in another process | {cliTotal.Latency("0")} |");
        text.AppendLine($"| … of which QueuedAt → Running (QueuedAt is stamped in the CLI just before its first database write) | {cliPickup.Latency("0")} |");
        text.AppendLine($"| fire time → Running, a robot every second | {everySecond.Latency()} |");
        text.AppendLine($"| fire time → Running, 100 robots due at the same second | {sameMinute.Latency()} |");
        text.AppendLine();
        text.AppendLine("Enqueue → Running is timed on one clock: the wall clock read just before the enqueue (or before starting");
        text.AppendLine("`vibe run-now`) against the StartedAt the worker records. Fire-time lateness is StartedAt − ScheduledFireTime.");
        text.AppendLine("`vibe run-now` wakes the service through a watched file; the QueuedAt → Running median is mostly the CLI's own");
        text.AppendLine("first database write (a cold EF Core SaveChanges), which happens after the stamp.");
        text.AppendLine("With 100 robots due at once and one worker, the last run starts after the 99 before it have run: the p99");
        text.AppendLine("and max are mostly queueing, not scheduling.");
        report.Add(Name, text.ToString());
    }

    /// <summary>vibe's service parts (worker, scheduler, housekeeping) hosted in this process; runs queued through its mediator.</summary>
    private static async Task<Samples> SameProcessAsync(BenchEnvironment environment, int count, CancellationToken ct)
    {
        await using var workspace = await VibeWorkspace.CreateAsync(environment, "latency-same", VibeWorkspace.NoOpRobots(), postgresDatabase: null, ct);
        var variables = workspace.EnvironmentFor("bench");
        var settings = VibeSettings.Load(workspace.Directory, variables.GetValueOrDefault, variables.Keys);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = workspace.Directory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddVibe(settings);
        builder.Services.AddVibeService(settings.Configuration);
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var samples = new Samples("ms");
            for (var i = -3; i < count; i++)
            {
                var before = TimeProvider.System.GetUtcNow().UtcDateTime;
                long id;
                await using (var scope = host.Services.CreateAsyncScope())
                {
                    id = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnqueueRun("noop"), ct)).Id;
                }

                var run = await WaitFinishedAsync(host.Services.GetRequiredService<IVibeDbContextFactory>(), id, ct);
                if (i >= 0)
                {
                    samples.Add((run.StartedAt!.Value - before).TotalMilliseconds);
                }
            }

            return samples;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>`vibe run-now` in its own process while `vibe start-service` runs: the service runs it.</summary>
    private static async Task<(Samples Total, Samples Pickup)> FromCliAsync(BenchEnvironment environment, int count, CancellationToken ct)
    {
        await using var workspace = await VibeWorkspace.CreateAsync(environment, "latency-cli", VibeWorkspace.NoOpRobots(), postgresDatabase: null, ct);
        await workspace.StartServiceAsync("bench", ct);
        var total = new Samples("ms");
        var pickup = new Samples("ms");
        for (var i = -1; i < count; i++)
        {
            var before = TimeProvider.System.GetUtcNow().UtcDateTime;
            var (_, exit, output) = await workspace.RunCliAsync(["run-now", "noop"], ct);
            if (exit != 0)
            {
                throw new InvalidOperationException("vibe run-now failed: " + output);
            }

            await using var db = workspace.CreateDbContext();
            var id = await db.Runs.MaxAsync(r => r.Id, ct);
            var run = await WaitFinishedAsync(workspace, id, ct);
            if (i >= 0)
            {
                total.Add((run.StartedAt!.Value - before).TotalMilliseconds);
                pickup.Add((run.StartedAt!.Value - run.QueuedAt).TotalMilliseconds);
            }
        }

        return (total, pickup);
    }

    /// <summary>A robot due every second, for a while: how late each fire time starts.</summary>
    private static async Task<Samples> EverySecondAsync(BenchEnvironment environment, int seconds, CancellationToken ct)
    {
        await using var workspace = await VibeWorkspace.CreateAsync(environment, "latency-every-second", VibeWorkspace.NoOpRobots(1, "* * * * * ?"), postgresDatabase: null, ct);
        await workspace.StartServiceAsync("bench", ct);
        await Task.Delay(TimeSpan.FromSeconds(seconds + 2), ct);
        await workspace.StopServicesAsync(ct);
        return await LatenessAsync(workspace, ct);
    }

    /// <summary>Many robots with the same fire time, a few seconds after the service has started.</summary>
    private static async Task<Samples> SameFireTimeAsync(BenchEnvironment environment, int robots, CancellationToken ct)
    {
        var fire = TimeProvider.System.GetUtcNow().AddSeconds(20);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{fire.Second} {fire.Minute} {fire.Hour} * * ?");
        await using var workspace = await VibeWorkspace.CreateAsync(environment, "latency-same-minute", VibeWorkspace.NoOpRobots(robots, cron), postgresDatabase: null, ct);
        await workspace.StartServiceAsync("bench", ct);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = workspace.CreateDbContext();
            if (await db.Runs.CountAsync(r => r.Status == RunStatus.Succeeded, ct) >= robots)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new InvalidOperationException($"the {robots} robots due at {fire:HH:mm:ss} did not all run; see {workspace.Directory}");
            }

            await Task.Delay(500, ct);
        }

        await workspace.StopServicesAsync(ct);
        return await LatenessAsync(workspace, ct);
    }

    private static async Task<Samples> LatenessAsync(VibeWorkspace workspace, CancellationToken ct)
    {
        await using var db = workspace.CreateDbContext();
        var runs = await db.Runs.AsNoTracking().Where(r => r.ScheduledFireTime != null && r.StartedAt != null).ToListAsync(ct);
        var samples = new Samples("ms");
        samples.AddRange(runs.Select(r => (r.StartedAt!.Value - r.ScheduledFireTime!.Value).TotalMilliseconds));
        return samples;
    }

    private static Task<TaskRun> WaitFinishedAsync(VibeWorkspace workspace, long id, CancellationToken ct) =>
        WaitFinishedAsync(workspace.InProcess.GetRequiredService<IVibeDbContextFactory>(), id, ct);

    private static async Task<TaskRun> WaitFinishedAsync(IVibeDbContextFactory contexts, long id, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = contexts.Create())
            {
                var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == id, ct);
                if (run.Status.IsFinished())
                {
                    return run;
                }
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"run {id} did not finish within a minute");
            }

            await Task.Delay(5, ct);
        }
    }
}
