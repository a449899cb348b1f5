using System.Text.Json;
using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>
/// An operator steers robots through the store, so a running service honours it whichever process asked: `vibe pause`
/// turns fire times into Skipped "paused" rows until `vibe resume` (or the --until time), and `vibe cancel` stops a
/// running run within seconds, recorded Cancelled "by" the operator. On SQLite and on a PostgreSQL store shared by hosts.
/// </summary>
public class ControlTests
{
    private const string Ticker = """
        { "robots": [
          { "name": "ticker", "executor": "shell", "schedule": { "cron": "0/2 * * * * ?", "misfire": "skip" },
            "steps": [ { "action": "log", "message": "tick" } ] },
          { "name": "sleeper", "executor": "shell",
            "steps": [ { "action": "log", "message": "going to sleep" }, { "action": "wait", "duration": "5m" } ] }
        ] }
        """;

    public static TheoryData<string> Stores => new() { "sqlite", "postgres" };

    private static Task<ServiceWorkspace> WorldAsync(string store) =>
        store == "postgres" ? ServiceWorkspace.PostgresAsync(Ticker) : ServiceWorkspace.SqliteAsync(Ticker);

    /// <summary>On PostgreSQL the operator works from another machine sharing the store; on SQLite from the same folder.</summary>
    private static string? OperatorHost(string store) => store == "postgres" ? "ops-desk" : null;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_paused_robots_fire_times_are_recorded_Skipped_paused_until_it_is_resumed(string store)
    {
        await using var world = await WorldAsync(store);
        await world.StartServiceAsync("svc");
        await Eventually.TrueAsync(
            async () => (await world.Store.RunsAsync("ticker")).Any(run => run.Status == RunStatus.Succeeded),
            async () => "the ticker never ran before the pause\n" + await world.ReportAsync());

        var pause = await world.CliAsync(OperatorHost(store), "pause", "ticker", "--reason", "month-end closing");
        Assert.True(pause.ExitCode == 0, pause.ToString());
        var listed = await ListedAsync(world, store);
        Assert.True(listed.GetProperty("paused").GetBoolean(), listed.ToString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("pausedUntil").ValueKind);
        Assert.Equal("month-end closing", listed.GetProperty("pauseReason").GetString());

        var skipped = await Eventually.ValueAsync(
            async () => (await world.Store.RunsAsync("ticker")).Where(run => run.Status == RunStatus.Skipped && run.Error == "paused").ToList(),
            rows => rows.Count >= 2,
            async _ => "no fire time was recorded Skipped \"paused\"\n" + await world.ReportAsync());

        // Nothing after the first paused fire time ran while the robot stayed paused.
        var firstPaused = skipped.Min(run => run.ScheduledFireTime!.Value);
        var lastPaused = skipped.Max(run => run.ScheduledFireTime!.Value);
        var runs = await world.Store.RunsAsync("ticker");
        Assert.True(
            runs.Where(run => run.ScheduledFireTime > firstPaused && run.ScheduledFireTime < lastPaused).All(run => run.Status == RunStatus.Skipped),
            "a fire time between two paused ones ran\n" + await world.ReportAsync());

        var resume = await world.CliAsync(OperatorHost(store), "resume", "ticker");
        Assert.True(resume.ExitCode == 0 && resume.Output.Contains("ticker resumed", StringComparison.Ordinal), resume.ToString());
        Assert.False((await ListedAsync(world, store)).GetProperty("paused").GetBoolean());
        await Eventually.TrueAsync(
            async () => (await world.Store.RunsAsync("ticker")).Any(run => run.Status == RunStatus.Succeeded && run.ScheduledFireTime > lastPaused),
            async () => "the ticker did not run again after resume\n" + await world.ReportAsync());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_robot_paused_until_a_time_resumes_by_itself(string store)
    {
        await using var world = await WorldAsync(store);
        await world.StartServiceAsync("svc");

        // Long enough for a CLI call on a loaded machine to see the pause in force; the ticker fires every 2 s.
        var until = DateTime.UtcNow.AddSeconds(20);
        until = until.AddTicks(-(until.Ticks % TimeSpan.TicksPerSecond));
        var pause = await world.CliAsync(OperatorHost(store), "pause", "ticker", "--until", until.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(pause.ExitCode == 0, pause.ToString());
        var listed = await ListedAsync(world, store);
        if (DateTime.UtcNow < until)
        {
            Assert.True(listed.GetProperty("paused").GetBoolean(), listed.ToString());
            Assert.Equal(until, listed.GetProperty("pausedUntil").GetDateTime().ToUniversalTime());
        }

        await Eventually.TrueAsync(
            async () => (await world.Store.RunsAsync("ticker")).Any(run => run.Status == RunStatus.Skipped && run.Error == "paused"),
            async () => "no fire time was recorded Skipped \"paused\"\n" + await world.ReportAsync());
        await Eventually.TrueAsync(
            async () => (await world.Store.RunsAsync("ticker")).Any(run => run.Status == RunStatus.Succeeded && run.ScheduledFireTime >= until),
            async () => $"the ticker did not run again after its pause ended at {until:HH:mm:ss}\n" + await world.ReportAsync());
        var runs = await world.Store.RunsAsync("ticker");
        Assert.True(
            runs.Where(run => run.Error == "paused").All(run => run.ScheduledFireTime < until),
            "a fire time after the pause's end was skipped as paused\n" + await world.ReportAsync());
        Assert.False((await ListedAsync(world, store)).GetProperty("paused").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Cancelling_a_running_run_stops_it_on_the_host_running_it_and_records_who(string store)
    {
        await using var world = await WorldAsync(store);
        await world.CliAsync(OperatorHost(store), "pause", "ticker");
        var service = await world.StartServiceAsync("svc");
        var queued = await world.Store.EnqueueAsync("sleeper");
        await Eventually.TrueAsync(
            async () => (await world.Store.LogAsync(queued.Id)).Any(line => line.Message.Contains("going to sleep", StringComparison.Ordinal)),
            async () => "the sleeper never started\n" + await world.ReportAsync());

        var cancel = await world.CliAsync(OperatorHost(store), "cancel", queued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(cancel.ExitCode == 0 && cancel.Output.Contains("cancel requested", StringComparison.Ordinal), cancel.ToString());

        var cancelled = await Eventually.ValueAsync(
            () => world.Store.RunAsync(queued.Id),
            run => run?.Status.IsFinished() == true,
            async _ => "the cancelled run did not end\n" + await world.ReportAsync());
        var report = await world.ReportAsync();
        Assert.True(cancelled!.Status == RunStatus.Cancelled, report);
        Assert.StartsWith($"cancelled by {Environment.UserName}", cancelled.Error, StringComparison.Ordinal);
        Assert.False(service.HasExited, "the service keeps running after a cancel\n" + report);

        // An operator's cancel is not an interruption: nothing is queued again.
        Assert.Single(await world.Store.RunsAsync("sleeper"));
        var again = await world.CliAsync(OperatorHost(store), "cancel", queued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(again.ExitCode == 4 && again.Error.Contains("already ended Cancelled", StringComparison.Ordinal), again.ToString());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Cancelling_a_run_executing_in_the_foreground_of_another_process_ends_it_Cancelled_by_the_operator(string store)
    {
        await using var world = await WorldAsync(store);
        using var foreground = Vibe.TestSupport.VibeProcess.Start(world.Directory, world.EnvironmentFor(null), "run-now", "sleeper", "--here");
        var output = foreground.StandardOutput.ReadToEndAsync();
        var errors = foreground.StandardError.ReadToEndAsync();
        try
        {
            var running = await Eventually.ValueAsync(
                async () => (await world.Store.RunsAsync("sleeper")).SingleOrDefault(),
                run => run is not null && run.Status == RunStatus.Running,
                async _ => "the foreground run never started\n" + await world.ReportAsync());
            await Eventually.TrueAsync(
                async () => (await world.Store.LogAsync(running!.Id)).Any(line => line.Message.Contains("going to sleep", StringComparison.Ordinal)),
                async () => "the foreground run never reached its wait\n" + await world.ReportAsync());

            var cancel = await world.CliAsync(OperatorHost(store), "cancel", running!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(cancel.ExitCode == 0 && cancel.Output.Contains("cancel requested", StringComparison.Ordinal), cancel.ToString());

            using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                await foreground.WaitForExitAsync(limit.Token);
            }

            var said = $"exit {foreground.ExitCode}\n--- stdout ---\n{await output}--- stderr ---\n{await errors}";
            Assert.True(foreground.ExitCode == 130, said);
            Assert.Contains($"run {running.Id} cancelled: cancelled by {Environment.UserName}", said, StringComparison.Ordinal);
            var cancelled = await world.Store.RunAsync(running.Id);
            Assert.Equal(RunStatus.Cancelled, cancelled!.Status);
            Assert.StartsWith($"cancelled by {Environment.UserName}", cancelled.Error, StringComparison.Ordinal);
            Assert.Single(await world.Store.RunsAsync("sleeper"));
        }
        finally
        {
            if (!foreground.HasExited)
            {
                foreground.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Cancelling_a_queued_run_withdraws_it()
    {
        await using var world = await WorldAsync("sqlite");
        var queued = await world.Store.EnqueueAsync("sleeper");

        var cancel = await world.CliAsync(null, "cancel", queued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(cancel.ExitCode == 0 && cancel.Output.Contains("withdrawn", StringComparison.Ordinal), cancel.ToString());
        var run = await world.Store.RunAsync(queued.Id);
        Assert.Equal(RunStatus.Cancelled, run!.Status);
        Assert.Equal($"cancelled by {Environment.UserName}", run.Error);
        Assert.Null(run.StartedAt);
    }

    private static async Task<JsonElement> ListedAsync(ServiceWorkspace world, string store)
    {
        var list = await world.CliAsync(OperatorHost(store), "list-robots", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        using var document = JsonDocument.Parse(list.Output);
        return document.RootElement.EnumerateArray().Single(robot => robot.GetProperty("name").GetString() == "ticker").Clone();
    }
}
