using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>
/// Fire times that pass while no service runs are handled at the next start by each robot's misfire policy.
/// The catch-up counts a fire time as missed when it lies after the robot's last recorded fire time and before
/// the new service's scheduler started; so the test controls exactly which fire times those are: the cron lists
/// explicit seconds, a dense block the first service records up to its last second, then a gap, then three
/// fire times while the service is down.
/// </summary>
public class MisfireTests
{
    private static readonly string[] Policies = ["runOnce", "skip", "runAll"];

    private static string RobotFor(string policy) => "misfire-" + policy.ToLowerInvariant();

    [Fact]
    public async Task Three_fire_times_missed_while_stopped_give_one_catch_up_run_none_or_three_by_policy()
    {
        // Seconds relative to the first listed fire time: 0..Dense-1 while the first service runs, then the gap.
        const int Dense = 16;
        var first = Truncate(DateTime.UtcNow) + TimeSpan.FromSeconds(2);
        var lastDense = first + TimeSpan.FromSeconds(Dense - 1);
        DateTime[] missed = [lastDense + TimeSpan.FromSeconds(10), lastDense + TimeSpan.FromSeconds(11), lastDense + TimeSpan.FromSeconds(12)];
        var seconds = Enumerable.Range(0, Dense).Select(offset => first.AddSeconds(offset)).Concat(missed).Select(time => time.Second);
        var cron = $"{string.Join(',', seconds)} * * * * ?";
        var robots = string.Join(",\n", Policies.Select(policy => $$"""
            { "name": "{{RobotFor(policy)}}", "executor": "shell", "schedule": { "cron": "{{cron}}", "misfire": "{{policy}}" },
              "steps": [ { "action": "log", "message": "{{policy}} ran" } ] }
            """));
        await using var world = await ServiceWorkspace.SqliteAsync($$"""{ "robots": [ {{robots}} ] }""");

        // The first service records the dense block; it is stopped in the gap, before the three fire times.
        var before = await world.StartServiceAsync("svc");
        await Eventually.TrueAsync(
            async () =>
            {
                var runs = await world.Store.RunsAsync();
                return Policies.All(policy => runs.Any(run => run.RobotName == RobotFor(policy) && run.ScheduledFireTime == lastDense));
            },
            async () => $"the first service did not record the fire time {lastDense:HH:mm:ss} of every robot (did it start too late?)\n{await world.ReportAsync()}",
            lastDense - DateTime.UtcNow + TimeSpan.FromSeconds(15));
        await before.TerminateAsync();
        Assert.True(await before.WaitForExitAsync() == 0, await world.ReportAsync());
        Assert.True(DateTime.UtcNow < missed[0], $"the first service took until {DateTime.UtcNow:HH:mm:ss.fff} to stop, past the first missed fire time {missed[0]:HH:mm:ss}; the test cannot tell what was missed\n{await world.ReportAsync()}");

        await Task.Delay(missed[^1] - DateTime.UtcNow + TimeSpan.FromMilliseconds(500));
        await world.StartServiceAsync("svc");

        var rows = await Eventually.ValueAsync(
            async () => (await world.Store.RunsAsync()).Where(run => run.ScheduledFireTime is { } fire && missed.Contains(fire)).ToList(),
            rows => rows.Count == 9 && rows.All(run => run.Status is RunStatus.Skipped or RunStatus.Succeeded),
            async _ => $"the three missed fire times of each robot were not all recorded and finished\n{await world.ReportAsync()}");
        var report = await world.ReportAsync();
        string Show(string policy) => $"{policy}: {string.Join(", ", rows.Where(run => run.RobotName == RobotFor(policy)).Select(run => $"{run.ScheduledFireTime:HH:mm:ss}={run.Status}"))}\n{report}";

        var once = rows.Where(run => run.RobotName == RobotFor("runOnce")).OrderBy(run => run.ScheduledFireTime).ToList();
        Assert.True(once.Select(run => run.Status).SequenceEqual([RunStatus.Skipped, RunStatus.Skipped, RunStatus.Succeeded]), "runOnce: one catch-up run for the latest missed fire time, the others Skipped\n" + Show("runOnce"));
        Assert.All(once.Take(2), run => Assert.Contains("misfire: runOnce", run.Error, StringComparison.Ordinal));

        var skip = rows.Where(run => run.RobotName == RobotFor("skip")).ToList();
        Assert.True(skip.All(run => run.Status == RunStatus.Skipped), "skip: every missed fire time recorded Skipped\n" + Show("skip"));
        Assert.All(skip, run => Assert.Contains("misfire: skip", run.Error, StringComparison.Ordinal));

        var all = rows.Where(run => run.RobotName == RobotFor("runAll")).ToList();
        Assert.True(all.All(run => run.Status == RunStatus.Succeeded), "runAll: one catch-up run per missed fire time\n" + Show("runAll"));

        // Each catch-up run ran once, and nothing else was recorded for the time the service was down.
        var starts = await world.Store.StartCountsAsync();
        Assert.All(rows.Where(run => run.Status == RunStatus.Succeeded), run => Assert.Equal(1, starts.GetValueOrDefault(run.Id)));
        Assert.DoesNotContain(await world.Store.RunsAsync(), run => run.ScheduledFireTime > lastDense && run.ScheduledFireTime < missed[0]);
    }

    private static DateTime Truncate(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
