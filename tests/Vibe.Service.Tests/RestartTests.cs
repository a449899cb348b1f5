using System.Globalization;
using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>`vibe restart-service` (restart.sh) and `vibe stop-service` on a real running service.</summary>
public class RestartTests
{
    [Fact]
    public async Task RestartService_replaces_the_process_without_losing_or_repeating_a_queued_run()
    {
        await using var world = await ServiceWorkspace.SqliteAsync("""
            { "robots": [
              { "name": "slow", "executor": "shell", "steps": [ { "action": "wait", "duration": "2s" }, { "action": "log", "message": "done" } ] }
            ] }
            """);
        var old = await world.StartServiceAsync("svc");
        var queued = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            queued.Add((await world.Store.EnqueueAsync("slow")).Id);
        }

        await Eventually.TrueAsync(
            async () => (await world.Store.RunsAsync("slow")).Any(run => run.Status == RunStatus.Running),
            async () => "the old service claimed no run\n" + await world.ReportAsync());

        var pidFile = Path.Combine(world.Files.DataDirectory, "vibe.pid");
        var newPid = 0;
        try
        {
            var restart = await world.CliAsync("svc", "restart-service");
            newPid = ReadPid(pidFile);
            var log = ServiceLog(world);
            var report = $"{restart}\n--- service.log ---\n{log}\n{await world.ReportAsync()}";
            Assert.True(restart.ExitCode == 0, report);
            Assert.Contains($"stopped pid {old.Pid}", restart.Output, StringComparison.Ordinal);
            Assert.Contains($"vibe service started (pid {newPid}); log: {Path.Combine(world.Files.DataDirectory, "service.log")}", restart.Output, StringComparison.Ordinal);
            Assert.True(await old.WaitForExitAsync() == 0, "the old service must stop gracefully\n" + report);
            Assert.NotEqual(old.Pid, newPid);
            Assert.True(Signals.IsAlive(newPid), "the new service must be running\n" + report);

            var runs = await Eventually.ValueAsync(
                () => world.Store.RunsAsync("slow"),
                runs => runs.All(run => run.Status.IsFinished()),
                async _ => $"the queued runs did not all finish after the restart\n--- service.log ---\n{ServiceLog(world)}\n{await world.ReportAsync()}");
            report = $"--- service.log ---\n{ServiceLog(world)}\n{await world.ReportAsync()}";
            Assert.Equal(queued, runs.Select(run => run.Id));
            Assert.True(runs.All(run => run.Status == RunStatus.Succeeded), "every queued run succeeds once, across the restart\n" + report);
            var starts = await world.Store.StartCountsAsync();
            Assert.True(queued.All(id => starts.GetValueOrDefault(id) == 1), "each run started exactly once\n" + report);
            Assert.Contains($"(pid {newPid})", ServiceLog(world), StringComparison.Ordinal);

            var stop = await world.CliAsync("svc", "stop-service");
            Assert.True(stop.ExitCode == 0, stop + "\n" + report);
            Assert.Contains("the vibe service has stopped", stop.Output, StringComparison.Ordinal);
            Assert.False(Signals.IsAlive(newPid), "stop-service returned while the service still runs\n" + ServiceLog(world));
            Assert.False(File.Exists(pidFile));
        }
        finally
        {
            // The new service is detached from the test: never leave it behind.
            if (newPid != 0 && newPid != old.Pid && Signals.IsAlive(newPid))
            {
                await Signals.SendAsync("KILL", newPid);
            }
        }
    }

    private static int ReadPid(string pidFile) =>
        File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid) ? pid : 0;

    private static string ServiceLog(ServiceWorkspace world)
    {
        var path = Path.Combine(world.Files.DataDirectory, "service.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no service.log)";
    }
}
