using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.ListRuns;
using Vibe.Application.Runs.RerunTask;
using Vibe.Domain.Runs;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>The run store and the use cases, on SQLite and on a real PostgreSQL server.</summary>
public class RunStoreTests
{
    private const string Robots = """
        { "robots": [
          { "name": "ok-robot", "executor": "shell", "steps": [
              { "action": "log", "message": "first line" },
              { "action": "run", "program": "sh", "args": ["-c", "echo out-line; echo err-line >&2"] } ] },
          { "name": "broken-robot", "executor": "shell", "retry": { "maxAttempts": 2, "delay": "1h", "jitter": false },
            "steps": [
              { "action": "log", "message": "about to fail" },
              { "action": "run", "program": "sh", "args": ["-c", "exit 7"], "name": "Exit badly" } ] },
          { "name": "scheduled-robot", "executor": "shell", "schedule": { "cron": "0 0 * * * ?" }, "steps": [ { "action": "log", "message": "tick" } ] }
        ] }
        """;

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_run_executes_its_steps_and_stores_them_in_order(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);

        var queued = await vibe.SendAsync(new EnqueueRun("ok-robot"));
        Assert.Equal(RunStatus.Pending, queued.Status);
        var finished = await vibe.SendAsync(new ExecuteRun(queued.Id));

        Assert.Equal(RunStatus.Succeeded, finished.Status);
        Assert.Equal("test-host", finished.Host);
        Assert.NotNull(finished.DefinitionHash);
        var details = await vibe.SendAsync(new GetRun(queued.Id));
        var messages = details.Log.Select(line => line.Message).ToList();
        Assert.Contains("first line", messages);
        Assert.Contains("out-line", messages);
        Assert.Contains(details.Log, line => line.Message == "err-line" && line.Level == RunLogLevel.Warning && line.StepIndex == 1);
        Assert.True(messages.IndexOf("first line") < messages.IndexOf("out-line"));
        Assert.Contains(messages, message => message.Contains("step #2 run succeeded in", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_failed_step_is_recorded_and_the_next_attempt_waits_for_its_delay(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);

        var queued = await vibe.SendAsync(new EnqueueRun("broken-robot"));
        var failed = await vibe.SendAsync(new ExecuteRun(queued.Id));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(1, failed.FailedStepIndex);
        Assert.Equal("run", failed.FailedAction);
        Assert.Contains("exited with code 7", failed.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(failed.EvidencePath!, "failure.txt")));

        await using var db = vibe.CreateDbContext();
        var retry = await db.Runs.SingleAsync(run => run.RetryOfId == failed.Id);
        Assert.Equal(RunStatus.Pending, retry.Status);
        Assert.Equal(2, retry.Attempt);
        Assert.Equal(TriggerKind.Retry, retry.Trigger);
        Assert.InRange(retry.DueAt - failed.FinishedAt!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        var list = await vibe.SendAsync(new ListRuns(10));
        Assert.Equal([retry.Id, failed.Id], list.Select(run => run.Id));
    }

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Rerun_creates_a_new_run_linked_to_the_old_one(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);
        var first = await vibe.SendAsync(new EnqueueRun("ok-robot"));
        await vibe.SendAsync(new ExecuteRun(first.Id));

        var rerun = await vibe.SendAsync(new RerunTask(first.Id));

        Assert.NotEqual(first.Id, rerun.Id);
        Assert.Equal(first.Id, rerun.RerunOfId);
        Assert.Equal(TriggerKind.Rerun, rerun.Trigger);
        Assert.Equal("ok-robot", rerun.Robot);
    }

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_run_claimed_by_one_worker_cannot_be_executed_by_another(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);
        var queued = await vibe.SendAsync(new EnqueueRun("ok-robot"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            try
            {
                return (await vibe.SendAsync(new ExecuteRun(queued.Id))).Status.ToString();
            }
            catch (VibeException ex) when (ex.Kind == VibeErrorKind.Conflict)
            {
                return "conflict";
            }
        }));

        Assert.Single(outcomes, outcome => outcome == nameof(RunStatus.Succeeded));
        Assert.Equal(2, outcomes.Count(outcome => outcome == "conflict"));
    }

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_fire_time_is_queued_only_once_per_robot(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);
        var fireTime = new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

        await vibe.SendAsync(new EnqueueRun("scheduled-robot", TriggerKind.Scheduled, fireTime));
        await Assert.ThrowsAsync<DbUpdateException>(() => vibe.SendAsync(new EnqueueRun("scheduled-robot", TriggerKind.Scheduled, fireTime)));

        await using var db = vibe.CreateDbContext();
        Assert.Equal(1, await db.Runs.CountAsync(run => run.ScheduledFireTime == fireTime));
    }

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Unknown_robot_and_unknown_run_are_reported_as_not_found(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);

        var robot = await Assert.ThrowsAsync<VibeException>(() => vibe.SendAsync(new EnqueueRun("nobody")));
        var run = await Assert.ThrowsAsync<VibeException>(() => vibe.SendAsync(new GetRun(424242)));

        Assert.Equal(VibeErrorKind.NotFound, robot.Kind);
        Assert.Equal(VibeErrorKind.NotFound, run.Kind);
    }
}
