using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>The running service applies robots.json edits without a restart, and keeps the last valid ones when an edit is broken.</summary>
public class ReloadTests
{
    private const string Alpha = """
        { "name": "alpha", "executor": "shell", "schedule": { "cron": "0/2 * * * * ?" }, "steps": [ { "action": "log", "message": "alpha" } ] }
        """;

    private const string Beta = """
        { "name": "beta", "executor": "shell", "schedule": { "cron": "* * * * * ?" }, "steps": [ { "action": "log", "message": "beta" } ] }
        """;

    [Fact]
    public async Task A_valid_edit_reschedules_at_once_and_a_broken_edit_keeps_the_old_schedule_and_logs_the_validate_errors()
    {
        await using var world = await ServiceWorkspace.SqliteAsync($$"""{ "robots": [ {{Alpha}} ] }""");
        var service = await world.StartServiceAsync("svc");
        await FiresAfterAsync(world, "alpha", DateTime.MinValue);

        // A valid edit: a new robot is scheduled and fires, with no restart.
        world.Files.WriteRobots($$"""{ "robots": [ {{Alpha}}, {{Beta}} ] }""");
        await service.WaitForOutputAsync("configuration applied (2 robots)");
        await FiresAfterAsync(world, "beta", DateTime.MinValue);
        await Eventually.TrueAsync(
            async () => (await world.Store.RunsAsync("beta")).Any(run => run.Status == RunStatus.Succeeded),
            async () => "no run of the added robot succeeded\n" + await world.ReportAsync());

        // A broken edit: rejected with validate's errors, and both robots keep firing on the old schedule.
        world.Files.WriteRobots($$"""
            { "robots": [
              {{Alpha.Replace("0/2 * * * * ?", "0/5 * * * * ?", StringComparison.Ordinal)}},
              { "name": "beta", "executor": "nope", "schedule": { "cron": "* * * * * ?" }, "steps": [ { "action": "log", "message": "beta" } ] },
              { "name": "gamma", "executor": "shell", "schedule": { "cron": "every minute" }, "steps": [ { "action": "log", "message": "gamma" } ] }
            ] }
            """);
        await service.WaitForOutputAsync("have errors; the last valid configuration stays in force");
        var rejectedAt = DateTime.UtcNow;
        var validate = await world.CliAsync(null, "validate");
        Assert.True(validate.ExitCode == 1, validate.ToString());
        var errors = validate.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => !line.EndsWith("error(s)", StringComparison.Ordinal) && !line.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, error => Assert.True(service.Output.Contains(error, StringComparison.Ordinal), $"the service's log lacks validate's error \"{error}\"\n{service.Report()}"));

        await FiresAfterAsync(world, "alpha", rejectedAt);
        await FiresAfterAsync(world, "beta", rejectedAt);
        var alphaSeconds = (await world.Store.RunsAsync("alpha")).Where(run => run.ScheduledFireTime > rejectedAt).Select(run => run.ScheduledFireTime!.Value.Second);
        Assert.All(alphaSeconds, second => Assert.True(second % 2 == 0, $"alpha fired at second {second}: the broken edit's cron must not be in force\n{service.Report()}"));
        Assert.Empty(await world.Store.RunsAsync("gamma"));

        // A valid edit again: the removed robot stops firing.
        world.Files.WriteRobots($$"""{ "robots": [ {{Alpha}} ] }""");
        await service.WaitForOutputAsync("unscheduled beta");
        var removedAt = DateTime.UtcNow;
        await FiresAfterAsync(world, "alpha", removedAt + TimeSpan.FromSeconds(2));
        var lateBeta = (await world.Store.RunsAsync("beta")).Where(run => run.ScheduledFireTime > removedAt).ToList();
        Assert.True(lateBeta.Count == 0, "beta fired after it was removed\n" + await world.ReportAsync());
        Assert.False(service.HasExited, service.Report());
    }

    private static Task FiresAfterAsync(ServiceWorkspace world, string robot, DateTime after) =>
        Eventually.TrueAsync(
            async () => (await world.Store.RunsAsync(robot)).Any(run => run.ScheduledFireTime > after),
            async () => $"{robot} recorded no fire time after {after:HH:mm:ss.fff}\n{await world.ReportAsync()}");
}
