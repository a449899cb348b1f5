using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>
/// A run that the service's stop interrupts (stop-service or restart-service with a short grace period) is recorded
/// Cancelled with the reason and queued again first in line as the same attempt, so the work is not lost; a robot
/// that says "onInterrupt": "drop" is not resumed.
/// </summary>
public class InterruptTests
{
    public static TheoryData<string, string?, bool> Cases() => new()
    {
        // how the service is stopped, onInterrupt, resumed
        { "stop-service", null, true },
        { "restart-service", null, true },
        { "stop-service", "drop", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_interrupted_by_the_services_stop_is_queued_again_and_ends_Succeeded_once(string command, string? onInterrupt, bool resumed)
    {
        var marks = Path.Combine(Path.GetTempPath(), $"vibe-steps-{Guid.NewGuid():N}.txt");
        var policy = onInterrupt is null ? "" : $"\"onInterrupt\": \"{onInterrupt}\",";
        await using var world = await ServiceWorkspace.SqliteAsync(
            $$"""
            { "robots": [
              { "name": "filer", "executor": "shell", {{policy}} "retry": { "maxAttempts": 2 },
                "steps": [
                  { "action": "run", "program": "sh", "args": ["-c", "echo started >> '{{marks}}'"] },
                  { "action": "wait", "duration": "20s" },
                  { "action": "run", "program": "sh", "args": ["-c", "echo finished >> '{{marks}}'"] } ] }
            ] }
            """,
            ("VIBE_SERVICE_SHUTDOWN_GRACE", "00:00:01"));
        var newPid = 0;
        try
        {
            var service = await world.StartServiceAsync("svc");
            var queued = await world.Store.EnqueueAsync("filer");
            await Eventually.TrueAsync(
                () => Task.FromResult(File.Exists(marks)),
                async () => "the robot never started\n" + await world.ReportAsync());

            var stop = await world.CliAsync("svc", command);
            Assert.True(stop.ExitCode == 0, stop + "\n" + await world.ReportAsync());
            await service.WaitForExitAsync();
            newPid = ReadPid(world);

            var interrupted = await world.Store.RunAsync(queued.Id);
            var report = await world.ReportAsync();
            Assert.True(interrupted!.Status == RunStatus.Cancelled, report);
            Assert.Contains("interrupted: the service stopped", interrupted.Error, StringComparison.Ordinal);
            var next = (await world.Store.RunsAsync("filer")).Where(run => run.Id != queued.Id).ToList();
            if (!resumed)
            {
                Assert.True(next.Count == 0, "\"onInterrupt\": \"drop\" queues nothing\n" + report);
                return;
            }

            var resumption = Assert.Single(next);
            Assert.Equal("Resumed", resumption.Trigger.ToString());
            Assert.Equal(1, resumption.Attempt);
            Assert.Equal(queued.Id, resumption.RetryOfId);

            if (command == "stop-service")
            {
                await world.StartServiceAsync("svc");
            }

            var finished = await Eventually.ValueAsync(
                () => world.Store.RunAsync(resumption.Id),
                run => run?.Status.IsFinished() == true,
                async _ => "the resumed run never finished\n" + await world.ReportAsync(),
                TimeSpan.FromSeconds(90));
            report = await world.ReportAsync();
            Assert.True(finished!.Status == RunStatus.Succeeded, report);
            Assert.Equal(["started", "started", "finished"], File.ReadAllLines(marks));
            Assert.Equal(2, (await world.Store.RunsAsync("filer")).Count);

            var details = await world.CliAsync("svc", "status", resumption.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("resumed", details.Output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Cancelled", details.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(marks);
            if (newPid != 0 && Signals.IsAlive(newPid) && world.Services.All(service => service.Pid != newPid))
            {
                await Signals.SendAsync("KILL", newPid);
            }
        }
    }

    private static int ReadPid(ServiceWorkspace world)
    {
        var pidFile = Path.Combine(world.Files.DataDirectory, "vibe.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : 0;
    }
}
