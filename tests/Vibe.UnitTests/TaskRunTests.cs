using Vibe.Domain.Common;
using Vibe.Domain.Runs;

namespace Vibe.UnitTests;

public class TaskRunTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Start_then_Succeed_records_host_times_and_clears_the_lease()
    {
        var run = TaskRun.Queue("invoices", TriggerKind.Manual, Now, 3);
        run.Start("RPA-01", Now.AddSeconds(1), Now.AddMinutes(1), "abc");
        run.Succeed(Now.AddSeconds(5));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("RPA-01", run.Host);
        Assert.Equal(TimeSpan.FromSeconds(4), run.Duration);
        Assert.Null(run.LeaseExpiresAt);
        Assert.Equal("abc", run.DefinitionHash);
    }

    [Fact]
    public void Start_on_a_run_that_is_already_running_is_refused()
    {
        var run = TaskRun.Queue("invoices", TriggerKind.Manual, Now, 1);
        run.Start("RPA-01", Now, Now.AddMinutes(1), null);

        var error = Assert.Throws<DomainException>(() => run.Start("RPA-02", Now, Now.AddMinutes(1), null));
        Assert.Contains("Running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_run_cannot_be_finished_again()
    {
        var run = TaskRun.Queue("invoices", TriggerKind.Manual, Now, 1);
        run.Start("RPA-01", Now, Now.AddMinutes(1), null);
        run.Fail(Now, "boom", 2, "click");

        Assert.Throws<DomainException>(() => run.Succeed(Now));
        Assert.Throws<DomainException>(() => run.Cancel(Now, "stop"));
    }

    [Fact]
    public void CreateRetry_counts_attempts_links_to_the_first_attempt_and_waits_until_due()
    {
        var first = TaskRun.Queue("invoices", TriggerKind.Scheduled, Now, 3);
        first.Start("RPA-01", Now, Now.AddMinutes(1), null);
        first.Fail(Now, "boom", 0, "run");

        var second = first.CreateRetry(Now, Now.AddSeconds(30));
        Assert.Equal(2, second.Attempt);
        Assert.Equal(TriggerKind.Retry, second.Trigger);
        Assert.Equal(Now.AddSeconds(30), second.DueAt);
        Assert.Null(second.ScheduledFireTime);

        second.Start("RPA-01", Now, Now.AddMinutes(1), null);
        second.Fail(Now, "boom", 0, "run");
        var third = second.CreateRetry(Now, Now.AddSeconds(60));
        Assert.Equal(3, third.Attempt);
        Assert.Equal(second.RetryOfId, third.RetryOfId);
        Assert.False(third.HasAttemptsLeft);
    }

    [Fact]
    public void CreateRetry_after_the_last_attempt_is_refused()
    {
        var run = TaskRun.Queue("invoices", TriggerKind.Manual, Now, 1);
        run.Start("RPA-01", Now, Now.AddMinutes(1), null);
        run.Fail(Now, "boom", 0, "run");

        Assert.Throws<DomainException>(() => run.CreateRetry(Now, Now));
    }

    [Fact]
    public void RecordSkipped_keeps_the_fire_time_and_the_reason_in_history()
    {
        var fire = Now.AddMinutes(-5);
        var run = TaskRun.RecordSkipped("invoices", fire, Now, "missed while the service was down (misfire: skip)");

        Assert.Equal(RunStatus.Skipped, run.Status);
        Assert.Equal(fire, run.ScheduledFireTime);
        Assert.Contains("misfire", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Manual_runs_are_claimed_before_scheduled_ones()
    {
        Assert.True(TriggerKind.Manual.QueuePriority() < TriggerKind.Scheduled.QueuePriority());
        Assert.True(TriggerKind.Rerun.QueuePriority() < TriggerKind.Retry.QueuePriority());
    }
}
