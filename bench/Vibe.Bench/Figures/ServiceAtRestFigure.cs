using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vibe.Bench.Harness;
using Vibe.Bench.Subjects;
using Vibe.Domain.Runs;

namespace Vibe.Bench.Figures;

/// <summary>
/// Figure 5: what an idle service costs the machine (CPU and resident memory over a minute), and whether its memory
/// grows with the number of runs it has executed (after 1,000 runs against after 10,000).
/// </summary>
internal sealed class ServiceAtRestFigure : IFigure
{
    public string Name => "service";

    public async Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct)
    {
        var idleSeconds = environment.Scale(60, 20);
        var (firstBatch, total) = (environment.Scale(1_000, 300), environment.Scale(10_000, 3_000));

        // The embedded default (SQLite), a robot to run and one scheduled daily: what a fresh installation has.
        var robots = """
            { "robots": [
              { "name": "noop", "executor": "shell", "steps": [ { "action": "log", "message": "no-op" } ] },
              { "name": "daily", "executor": "shell", "schedule": { "cron": "0 30 7 ? * MON-FRI", "timeZone": "Europe/Paris" },
                "steps": [ { "action": "log", "message": "daily" } ] }
            ] }
            """;
        await using var workspace = await VibeWorkspace.CreateAsync(environment, "service", robots, postgresDatabase: null, ct);
        var service = await workspace.StartServiceAsync("bench", ct);

        // Under a long run: memory after the first batch of runs, then after ten times as many.
        var afterFirst = await DrainAsync(workspace, service.Id, firstBatch, firstBatch, ct);
        var afterAll = await DrainAsync(workspace, service.Id, total - firstBatch, total, ct);

        // Idle, once the runs above have been through every code path: right after start-up the runtime is still
        // recompiling hot methods in the background (tiered JIT), which is not what an idle service costs.
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var rss = new Samples("MiB");
        var cpuStart = ChildProcess.CpuMilliseconds(service.Id);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < idleSeconds; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            rss.Add(ChildProcess.ResidentMiB(service.Id));
        }

        var idleCpuPercent = (ChildProcess.CpuMilliseconds(service.Id) - cpuStart) / clock.Elapsed.TotalMilliseconds * 100;
        await workspace.StopServicesAsync(ct);

        var text = new StringBuilder();
        text.AppendLine("## 5. The service at rest and under a long run");
        text.AppendLine();
        text.AppendLine("`vibe start-service` as a real process on the embedded SQLite store, default settings (poll every second,");
        text.AppendLine("heartbeat every 10 s, housekeeping every 15 s), one manual robot and one scheduled daily. CPU is user + system");
        text.AppendLine("time from /proc; memory is the resident set (VmRSS). The idle minute is measured after the runs: in the first");
        text.AppendLine("half-minute after start-up the runtime's background recompilation (tiered JIT) costs several times the idle figure.");
        text.AppendLine();
        text.AppendLine($"- Idle for {idleSeconds} s after those runs: CPU {Samples.F(idleCpuPercent, "0.00")} % of one core; resident memory {rss.MedianAndSpread("0.0")}");
        text.AppendLine($"- After {firstBatch:N0} runs of a one-step robot: resident memory {Samples.F(afterFirst.Rss, "0.0")} MiB ({afterFirst.Seconds:0.0} s for the batch)");
        text.AppendLine($"- After {total:N0} runs: resident memory {Samples.F(afterAll.Rss, "0.0")} MiB ({afterAll.Seconds:0.0} s for the next {total - firstBatch:N0})");
        text.AppendLine($"- Growth: {Samples.F(afterAll.Rss - afterFirst.Rss, "+0.0;-0.0")} MiB for {total - firstBatch:N0} more runs");
        report.Add(Name, text.ToString());
    }

    /// <summary>Queues runs (as `vibe run-now` does), waits until the service has finished them all, reads its memory.</summary>
    private static async Task<(double Rss, double Seconds)> DrainAsync(VibeWorkspace workspace, int pid, int runs, int expectedFinished, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await workspace.EnqueueAsync("noop", runs, ct);
        while (true)
        {
            await using var db = workspace.CreateDbContext();
            var finished = await db.Runs.CountAsync(r => r.Status == RunStatus.Succeeded, ct);
            if (finished >= expectedFinished)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new InvalidOperationException($"the service finished only {finished} of {expectedFinished} runs in 10 minutes; see {workspace.Directory}");
            }

            await Task.Delay(500, ct);
        }

        clock.Stop();

        // Let the service go idle again so transient buffers are not what is measured.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        return (ChildProcess.ResidentMiB(pid), clock.Elapsed.TotalSeconds);
    }
}
