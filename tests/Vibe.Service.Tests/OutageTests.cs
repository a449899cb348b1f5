using Vibe.Domain.Runs;
using Vibe.TestSupport;

namespace Vibe.Service.Tests;

/// <summary>
/// A real `vibe start-service` on a real PostgreSQL server that the test stops for 30 s, as an operator's database
/// blinks: a robot that was running is executed once and recorded as it ended, and every fire time of the outage
/// leaves exactly one row, as the robot's misfire policy says.
/// </summary>
public class OutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_robot_running_through_a_30_s_store_outage_executes_once_and_is_recorded_Succeeded_without_a_retry()
    {
        await using var server = await PostgresServer.StartAsync();
        var marks = Path.Combine(Path.GetTempPath(), $"vibe-paid-{Guid.NewGuid():N}.txt");
        await using var world = await PayerWorldAsync(server, marks, waitAfterPaying: "12s");
        try
        {
            await world.StartServiceAsync("svc");
            var queued = await world.Store.EnqueueAsync("payer");
            await Eventually.TrueAsync(
                () => Task.FromResult(File.Exists(marks)),
                async () => "the robot never paid\n" + await world.ReportAsync());

            // The store goes away while the robot waits, longer than the lease and past the robot's end.
            await server.StopAsync();
            await Task.Delay(Outage);
            await server.StartAgainAsync();

            var run = await FinishedAsync(world, queued.Id);
            var report = await world.ReportAsync();

            Assert.True(run.Status == RunStatus.Succeeded, "the run that executed through the outage is recorded as it ended\n" + report);
            Assert.True(File.ReadAllLines(marks).Length == 1, $"the robot paid {File.ReadAllLines(marks).Length} times\n" + report);
            Assert.True((await world.Store.RunsAsync("payer")).Count == 1, "no retry and no second attempt\n" + report);
            Assert.Contains(await world.Store.LogAsync(run.Id), line => line.Message.StartsWith($"run {run.Id} succeeded", StringComparison.Ordinal));
            await Eventually.TrueAsync(
                () => Task.FromResult(!File.Exists(Path.Combine(world.Files.DataDirectory, "outcomes", $"{run.Id}.json"))),
                async () => "the journal entry is forgotten once recorded\n" + await world.ReportAsync());
            var output = world.Services[0].Output;
            Assert.True(output.Split("the store is unavailable").Length - 1 == 1, "the outage is said once, not once per poll\n" + output);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(marks);
        }
    }

    [Fact]
    public async Task An_outcome_kept_in_the_journal_when_the_service_was_killed_is_recorded_by_the_next_service_before_anything_runs_again()
    {
        await using var server = await PostgresServer.StartAsync();
        var marks = Path.Combine(Path.GetTempPath(), $"vibe-paid-{Guid.NewGuid():N}.txt");
        await using var world = await PayerWorldAsync(server, marks, waitAfterPaying: "3s");
        try
        {
            var first = await world.StartServiceAsync("svc");
            var queued = await world.Store.EnqueueAsync("payer");
            await Eventually.TrueAsync(
                () => Task.FromResult(File.Exists(marks)),
                async () => "the robot never paid\n" + await world.ReportAsync());

            // The store goes away before the robot ends; once its outcome is in the journal, the service dies.
            await server.StopAsync();
            var journal = Path.Combine(world.Files.DataDirectory, "outcomes", $"{queued.Id}.json");
            await Eventually.TrueAsync(
                () => Task.FromResult(File.Exists(journal)),
                () => Task.FromResult("the outcome never reached the journal\n" + first.Report()));
            first.KillHard();
            await first.WaitForExitAsync();
            await server.StartAgainAsync();

            await world.StartServiceAsync("svc");
            var run = await FinishedAsync(world, queued.Id);
            var report = await world.ReportAsync();

            Assert.True(run.Status == RunStatus.Succeeded, "the journaled outcome is recorded, not the run taken for lost\n" + report);
            Assert.True(File.ReadAllLines(marks).Length == 1, $"the robot paid {File.ReadAllLines(marks).Length} times\n" + report);
            Assert.True((await world.Store.RunsAsync("payer")).Count == 1, "no retry\n" + report);

            // Forgotten right after the transaction that recorded it commits: wait for it, the store answers first.
            await Eventually.TrueAsync(
                () => Task.FromResult(!File.Exists(journal)),
                async () => "the journal entry is forgotten once recorded\n" + await world.ReportAsync());
        }
        finally
        {
            File.Delete(marks);
        }
    }

    [Fact]
    public async Task Every_fire_time_of_a_30_s_store_outage_leaves_exactly_one_row_per_misfire_policy_and_a_robot_added_meanwhile_gets_its_first()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var world = await ServiceWorkspace.OnServerAsync(
            """
            { "robots": [
              { "name": "once", "executor": "shell", "schedule": { "cron": "*/2 * * * * ?", "misfire": "runOnce" }, "steps": [ { "action": "log", "message": "x" } ] },
              { "name": "all", "executor": "shell", "schedule": { "cron": "*/2 * * * * ?", "misfire": "runAll", "maxCatchUpRuns": 100, "overlap": "queue" }, "steps": [ { "action": "log", "message": "x" } ] },
              { "name": "skip", "executor": "shell", "schedule": { "cron": "*/2 * * * * ?", "misfire": "skip" }, "steps": [ { "action": "log", "message": "x" } ] }
            ] }
            """,
            server,
            ("VIBE_SERVICE_MISFIRE_THRESHOLD", "00:00:05"));
        world.Files.WriteFile("robots.d/.keep", "");
        var service = await world.StartServiceAsync("svc");
        string[] robots = ["once", "all", "skip"];
        await Eventually.TrueAsync(
            async () => robots.All(robot => world.Store.RunsAsync(robot).Result.Count >= 2),
            async () => "the schedules never fired\n" + await world.ReportAsync());

        await server.StopAsync();
        var down = DateTime.UtcNow;
        await Task.Delay(Outage / 2);
        world.Files.WriteFile("robots.d/newbie.json", """
            { "name": "newbie", "executor": "shell", "schedule": { "cron": "*/2 * * * * ?" }, "steps": [ { "action": "log", "message": "x" } ] }
            """);
        var added = DateTime.UtcNow;
        await Task.Delay(Outage / 2);
        await server.StartAgainAsync();
        var back = DateTime.UtcNow;

        // Wait until every robot has a row for each even second from its first fire time until a while after the outage.
        var until = back.AddSeconds(6);
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(robots.Append("newbie").Select(robot => GapsAsync(world, robot, until)))).All(gaps => gaps.Count == 0),
            async () => string.Join("\n", await Task.WhenAll(robots.Append("newbie").Select(async robot => $"{robot}: missing {string.Join(", ", (await GapsAsync(world, robot, until)).Select(t => t.ToString("HH:mm:ss")))}")))
                + "\n" + await world.ReportAsync(),
            TimeSpan.FromSeconds(120));
        await service.TerminateAsync();
        await service.WaitForExitAsync();
        var report = await world.ReportAsync();

        foreach (var robot in robots)
        {
            var rows = await world.Store.RunsAsync(robot);
            var fireTimes = rows.Select(row => row.ScheduledFireTime).ToList();
            Assert.True(fireTimes.Count == fireTimes.Distinct().Count(), $"{robot}: a fire time has two rows\n{report}");
        }

        var outage = (DateTime FireTime) => FireTime > down.AddSeconds(1) && FireTime < back.AddSeconds(-1);
        var skipRows = (await world.Store.RunsAsync("skip")).Where(row => outage(row.ScheduledFireTime!.Value)).ToList();
        Assert.True(skipRows.Count >= 10 && skipRows.All(row => row.Status == RunStatus.Skipped), "misfire skip: the outage's fire times are recorded Skipped\n" + report);
        var onceRows = (await world.Store.RunsAsync("once")).Where(row => outage(row.ScheduledFireTime!.Value)).ToList();
        Assert.True(onceRows.Count(row => row.Status != RunStatus.Skipped) <= 2 && onceRows.Count(row => row.Status == RunStatus.Skipped) >= 10, "misfire runOnce: one catch-up run covers the outage\n" + report);
        var allRows = (await world.Store.RunsAsync("all")).Where(row => outage(row.ScheduledFireTime!.Value)).ToList();
        Assert.True(allRows.Count >= 10 && allRows.All(row => row.Status != RunStatus.Skipped), "misfire runAll: every fire time of the outage runs\n" + report);

        var newbie = await world.Store.RunsAsync("newbie");
        Assert.True(newbie.Min(row => row.ScheduledFireTime) <= added.AddSeconds(4), $"the new robot's first fire time (within 2 s of {added:HH:mm:ss}) has a row\n{report}");
    }

    /// <summary>The run once the store holds it finished (the store may be unreachable for a while first).</summary>
    private static async Task<TaskRun> FinishedAsync(ServiceWorkspace world, long runId) =>
        (await Eventually.ValueAsync(
            async () => (await world.Store.RunsOrNoneAsync("payer")).FirstOrDefault(r => r.Id == runId),
            r => r?.Status.IsFinished() == true,
            async _ => "the run was never recorded as finished\n" + await world.ReportAsync(),
            TimeSpan.FromSeconds(90)))!;

    /// <summary>
    /// A robot that pays (appends a line to <paramref name="marks"/>) and then waits, with retries allowed and a lease
    /// shorter than the outages: executing it twice would show as two lines.
    /// </summary>
    private static Task<ServiceWorkspace> PayerWorldAsync(PostgresServer server, string marks, string waitAfterPaying) =>
        ServiceWorkspace.OnServerAsync(
            $$"""
            { "robots": [
              { "name": "payer", "executor": "shell", "retry": { "maxAttempts": 3, "delay": "1s" },
                "steps": [
                  { "action": "run", "program": "sh", "args": ["-c", "echo paid >> '{{marks}}'"] },
                  { "action": "wait", "duration": "{{waitAfterPaying}}" } ] }
            ] }
            """,
            server,
            ("VIBE_SERVICE_LEASE", "00:00:06"));

    /// <summary>Even seconds between the robot's first recorded fire time and <paramref name="until"/> that have no row.</summary>
    private static async Task<List<DateTime>> GapsAsync(ServiceWorkspace world, string robot, DateTime until)
    {
        var rows = await world.Store.RunsOrNoneAsync(robot);
        var recorded = rows.Where(row => row.ScheduledFireTime is not null).Select(row => row.ScheduledFireTime!.Value).ToHashSet();
        if (recorded.Count == 0)
        {
            return [until];
        }

        var gaps = new List<DateTime>();
        for (var fireTime = recorded.Min(); fireTime <= until; fireTime = fireTime.AddSeconds(2))
        {
            if (!recorded.Contains(fireTime))
            {
                gaps.Add(fireTime);
            }
        }

        return gaps;
    }
}
