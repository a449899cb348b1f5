using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>`vibe start-service` as a real process on the embedded SQLite store: schedules, signals, the pid lock, hand-over.</summary>
public class ServiceLifecycleTests
{
    private const string Ticking = """
        { "robots": [
          { "name": "tick", "executor": "shell", "schedule": { "cron": "0/2 * * * * ?" },
            "steps": [ { "action": "log", "message": "tick" } ] }
        ] }
        """;

    [Fact]
    public async Task Scheduled_runs_succeed_and_SIGTERM_stops_the_service_cleanly()
    {
        await using var world = await ServiceWorkspace.SqliteAsync(Ticking);
        var service = await world.StartServiceAsync("svc");

        var runs = await Eventually.ValueAsync(
            () => world.Store.RunsAsync("tick"),
            runs => runs.Count(run => run.Status == RunStatus.Succeeded) >= 2,
            async _ => "two scheduled runs of tick did not succeed\n" + await world.ReportAsync());
        Assert.All(runs, run => Assert.Equal(TriggerKind.Scheduled, run.Trigger));
        Assert.All(runs.Where(run => run.Status == RunStatus.Succeeded), run => Assert.Equal("svc", run.Host));

        await service.TerminateAsync();
        var exit = await service.WaitForExitAsync();

        var report = await world.ReportAsync();
        Assert.True(exit == 0, "SIGTERM must stop the service with exit code 0\n" + report);
        Assert.Contains("vibe service stopped", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(await world.Store.RunsAsync(), run => run.Status == RunStatus.Running);
        Assert.False(File.Exists(Path.Combine(world.Files.DataDirectory, "vibe.pid")), "the pid file must be removed\n" + report);
        Assert.False(File.Exists(Path.Combine(world.Files.DataDirectory, "vibe.pid.lock")), "the lock file must be removed\n" + report);
        var status = await world.CliAsync(null, "status");
        Assert.Contains("service: not running", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_during_a_long_run_gives_it_the_grace_period_then_records_it_Cancelled()
    {
        await using var world = await ServiceWorkspace.SqliteAsync(
            """
            { "robots": [
              { "name": "long", "executor": "shell", "steps": [ { "action": "wait", "duration": "00:02:00" } ] }
            ] }
            """,
            ("VIBE_SERVICE_SHUTDOWN_GRACE", "00:00:01"));
        var service = await world.StartServiceAsync("svc");
        var queued = await world.Store.EnqueueAsync("long");
        await Eventually.TrueAsync(
            async () => (await world.Store.RunAsync(queued.Id))?.Status == RunStatus.Running,
            async () => "the long run was never claimed\n" + await world.ReportAsync());

        await service.TerminateAsync();
        var exit = await service.WaitForExitAsync();

        var run = await world.Store.RunAsync(queued.Id);
        var report = await world.ReportAsync();
        Assert.True(exit == 0, report);
        Assert.True(run!.Status == RunStatus.Cancelled, "a run still going after the grace period is recorded Cancelled\n" + report);
        Assert.False(File.Exists(Path.Combine(world.Files.DataDirectory, "vibe.pid")), report);
    }

    [Fact]
    public async Task A_second_service_on_the_same_data_folder_is_refused_naming_the_running_pid()
    {
        await using var world = await ServiceWorkspace.SqliteAsync(Ticking);
        var first = await world.StartServiceAsync("svc");

        var second = await world.CliAsync("svc", "start-service");

        Assert.True(second.ExitCode == 4, second + "\n" + await world.ReportAsync());
        Assert.Contains($"already running for {world.Files.DataDirectory} (pid {first.Pid}", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Error, StringComparison.Ordinal);
        Assert.False(first.HasExited, "the refused second start must leave the first service running\n" + first.Report());
        Assert.Equal(first.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadLines(Path.Combine(world.Files.DataDirectory, "vibe.pid")).First());

        var status = await world.CliAsync(null, "status");
        Assert.Contains($"service: running on svc (pid {first.Pid})", status.Output, StringComparison.Ordinal);
        Assert.Contains("next:    tick ", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_while_the_service_runs_hands_the_run_over_and_wait_prints_its_log()
    {
        await using var world = await ServiceWorkspace.SqliteAsync("""
            { "robots": [
              { "name": "greeter", "executor": "shell", "steps": [
                  { "action": "log", "message": "hello from the robot" },
                  { "action": "run", "program": "sh", "args": ["-c", "echo from-the-program"] } ] }
            ] }
            """);
        var service = await world.StartServiceAsync("svc");

        var waited = await world.CliAsync("operator", "run-now", "greeter", "--wait");
        var queuedOnly = await world.CliAsync("operator", "run-now", "greeter");

        var report = waited + "\n" + queuedOnly + "\n" + await world.ReportAsync();
        Assert.True(waited.ExitCode == 0, report);
        Assert.Contains($"run 1 queued; the vibe service (pid {service.Pid}) runs it", waited.Output, StringComparison.Ordinal);
        Assert.Contains("hello from the robot", waited.Output, StringComparison.Ordinal);
        Assert.Contains("from-the-program", waited.Output, StringComparison.Ordinal);
        Assert.Contains("run 1 succeeded", waited.Output, StringComparison.Ordinal);
        Assert.True(queuedOnly.ExitCode == 0, report);
        Assert.Contains("run 2 queued", queuedOnly.Output, StringComparison.Ordinal);

        var runs = await Eventually.ValueAsync(
            () => world.Store.RunsAsync("greeter"),
            runs => runs.Count == 2 && runs.All(run => run.Status == RunStatus.Succeeded),
            async _ => "the service did not run both queued runs\n" + await world.ReportAsync());
        Assert.All(runs, run => Assert.Equal("svc", run.Host));
        Assert.All(runs, run => Assert.Equal(TriggerKind.Manual, run.Trigger));
    }

    [Fact]
    public async Task A_run_handed_over_by_run_now_is_started_without_waiting_for_the_next_poll()
    {
        // The worker would look at the queue by itself only once an hour: the run starts because run-now wakes it.
        await using var world = await ServiceWorkspace.SqliteAsync("""
            { "robots": [ { "name": "greeter", "executor": "shell", "steps": [ { "action": "log", "message": "hello" } ] } ] }
            """, ("VIBE_SERVICE_POLL_INTERVAL", "01:00:00"));
        await world.StartServiceAsync("svc");

        var queued = await world.CliAsync("operator", "run-now", "greeter");

        Assert.True(queued.ExitCode == 0, queued + "\n" + await world.ReportAsync());
        await Eventually.ValueAsync(
            () => world.Store.RunsAsync("greeter"),
            runs => runs.Count == 1 && runs[0].Status == RunStatus.Succeeded,
            async _ => "the service did not start the handed-over run before its next poll (an hour away)\n" + await world.ReportAsync());
    }
}
