using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>Several `vibe start-service` processes, each its own host, sharing one real PostgreSQL database.</summary>
public class ClusterTests
{
    private static readonly string[] Hosts = ["node-1", "node-2", "node-3"];

    [Fact]
    public async Task Three_services_execute_300_queued_runs_exactly_once_and_record_each_fire_time_of_a_one_second_schedule_once()
    {
        await using var world = await ServiceWorkspace.PostgresAsync("""
            { "robots": [
              { "name": "batch", "executor": "shell", "steps": [ { "action": "wait", "duration": "20ms" }, { "action": "log", "message": "batch item" } ] },
              { "name": "every-second", "executor": "shell", "schedule": { "cron": "* * * * * ?", "overlap": "queue" },
                "steps": [ { "action": "log", "message": "tick" } ] }
            ] }
            """);
        // Started one after the other, as an operator brings hosts up: each joins a cluster that is already firing.
        // Each batch run takes a moment (20 ms), as real work does, so the queue lasts long enough for all to share it.
        var services = new List<ServiceProcess>();
        var scheduleStarted = DateTime.UtcNow;
        foreach (var host in Hosts)
        {
            services.Add(await world.StartServiceAsync(host));
        }

        var queued = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            queued.Add((await world.Store.EnqueueAsync("batch")).Id);
        }

        var batch = await Eventually.ValueAsync(
            () => world.Store.RunsAsync("batch"),
            runs => runs.All(run => run.Status.IsFinished()),
            async runs => $"{runs.Count(run => !run.Status.IsFinished())} of the 300 runs never finished\n{await world.ReportAsync()}",
            TimeSpan.FromMinutes(3));

        // Let the schedule run for 30 s in all, then stop every service as an operator would.
        var remaining = scheduleStarted + TimeSpan.FromSeconds(30) - DateTime.UtcNow;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        foreach (var service in services)
        {
            await service.TerminateAsync();
        }

        foreach (var service in services)
        {
            Assert.True(await service.WaitForExitAsync() == 0, await world.ReportAsync());
        }

        var report = await world.ReportAsync();
        var starts = await world.Store.StartCountsAsync();

        // Every queued run executed exactly once, none lost, and the work was shared.
        Assert.Equal(queued, batch.Select(run => run.Id));
        Assert.True(batch.All(run => run.Status == RunStatus.Succeeded), report);
        var repeated = batch.Where(run => starts.GetValueOrDefault(run.Id) != 1).Select(run => $"#{run.Id}: {starts.GetValueOrDefault(run.Id)} starts").ToList();
        Assert.True(repeated.Count == 0, "each run starts exactly once: " + string.Join(", ", repeated) + "\n" + report);
        var perHost = batch.GroupBy(run => run.Host).ToDictionary(group => group.Key ?? "-", group => group.Count());
        var spread = string.Join(", ", perHost.Select(pair => $"{pair.Key}: {pair.Value}"));
        Assert.True(Hosts.All(perHost.ContainsKey), $"every host takes part ({spread})\n{report}");

        // Each fire time of the one-second schedule recorded once, with no gap between the first and the last.
        var ticks = await world.Store.RunsAsync("every-second");
        var fireTimes = ticks.Select(run => run.ScheduledFireTime!.Value).Order().ToList();
        Assert.True(fireTimes.Count >= 20, $"only {fireTimes.Count} fire times in 30 s\n{report}");
        Assert.Equal(fireTimes.Count, fireTimes.Distinct().Count());
        var gaps = fireTimes.Zip(fireTimes.Skip(1)).Where(pair => pair.Second - pair.First != TimeSpan.FromSeconds(1)).Select(pair => $"{pair.First:HH:mm:ss}→{pair.Second:HH:mm:ss}").ToList();
        Assert.True(gaps.Count == 0, "fire times missing: " + string.Join(", ", gaps) + "\n" + report);
        Assert.True(ticks.All(run => run.Status is RunStatus.Succeeded or RunStatus.Pending), "with overlap 'queue' every fire time is queued and run (or still queued at the stop)\n" + report);
        Assert.All(ticks.Where(run => run.Status == RunStatus.Succeeded), run => Assert.Equal(1, starts.GetValueOrDefault(run.Id)));
        Assert.DoesNotContain(await world.Store.RunsAsync(), run => run.Status == RunStatus.Running);
    }

    [Fact]
    public async Task A_killed_worker_s_run_is_marked_Abandoned_by_another_service_within_lease_plus_sweep_and_retried()
    {
        var lease = TimeSpan.FromSeconds(10);
        var sweep = TimeSpan.FromSeconds(1);
        await using var world = await ServiceWorkspace.PostgresAsync(
            """
            { "robots": [
              { "name": "fragile", "executor": "shell", "retry": { "maxAttempts": 2, "delay": "1s", "jitter": false },
                "steps": [ { "action": "run", "program": "sh", "args": ["-c",
                  "if [ -f attempted ]; then echo second attempt; exit 0; fi; touch attempted; echo $$ > sleeper.pid; exec sleep 120"] } ] }
            ] }
            """,
            ("VIBE_SERVICE_LEASE", "00:00:10"),
            ("VIBE_SERVICE_SWEEP_INTERVAL", "00:00:01"));
        var services = await Task.WhenAll(new[] { "node-a", "node-b" }.Select(world.StartServiceAsync));
        var sleeperPid = world.Files.PathOf("sleeper.pid");
        try
        {
            var first = await world.Store.EnqueueAsync("fragile");
            var running = await Eventually.ValueAsync(
                () => world.Store.RunAsync(first.Id),
                run => run?.Status == RunStatus.Running && File.Exists(sleeperPid),
                async _ => "the first attempt never reached its long step\n" + await world.ReportAsync());
            var victim = services.Single(service => service.Name == running!.Host);
            var survivor = services.Single(service => service != victim);

            victim.KillHard();
            var killedAt = DateTime.UtcNow;
            await victim.WaitForExitAsync();

            var abandoned = await Eventually.ValueAsync(
                () => world.Store.RunAsync(first.Id),
                run => run!.Status != RunStatus.Running,
                async _ => "the killed worker's run stayed Running\n" + await world.ReportAsync());
            var report = await world.ReportAsync();
            Assert.True(abandoned!.Status == RunStatus.Abandoned, report);
            Assert.StartsWith("worker lost", abandoned.Error, StringComparison.Ordinal);
            await survivor.WaitForOutputAsync($"run {first.Id} marked Abandoned");

            // The documented bound: the lease runs out at most one lease after the last renewal, and the next sweep
            // finds it. The slack covers a busy machine's timer and database latency, not the design.
            var bound = lease + sweep + TimeSpan.FromSeconds(5);
            Assert.True(abandoned.FinishedAt!.Value - killedAt <= bound, $"abandoned {(abandoned.FinishedAt.Value - killedAt).TotalSeconds:0.0} s after the kill; bound {bound.TotalSeconds} s\n{report}");

            var retry = await Eventually.ValueAsync(
                async () => (await world.Store.RunsAsync("fragile")).FirstOrDefault(run => run.RetryOfId == first.Id),
                run => run is { Status: RunStatus.Succeeded or RunStatus.Failed or RunStatus.Abandoned },
                async _ => "the retry-enabled robot's next attempt did not run\n" + await world.ReportAsync());
            report = await world.ReportAsync();
            Assert.True(retry!.Status == RunStatus.Succeeded, report);
            Assert.Equal(2, retry.Attempt);
            Assert.Equal(survivor.Name, retry.Host);
            Assert.Contains(await world.Store.LogAsync(retry.Id), line => line.Message == "second attempt");
        }
        finally
        {
            // The killed worker's robot program outlives it, as it would on a real host.
            if (File.Exists(sleeperPid) && int.TryParse(File.ReadAllText(sleeperPid).Trim(), out var pid))
            {
                await Signals.SendAsync("KILL", pid);
            }
        }
    }
}
