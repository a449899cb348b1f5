using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Notifications;
using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>
/// A robot with retries, run through the real ExecuteRun and store on a fake clock (so back-off takes no time): each
/// failed attempt queues the next one later and later, and by default one mail reports the chain's last failure.
/// </summary>
public sealed class RetryChainTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Three_attempts_are_queued_with_growing_delays_and_only_the_last_failure_is_mailed()
    {
        using var smtp = await SmtpTestServer.StartAsync();
        _workspace.WriteRobotList(Workspaces.FailingRobot(maxAttempts: 3, retryDelay: "10s")).WriteEnv(Workspaces.PlainSmtp(smtp.Port));
        await using var vibe = await InProcessVibe.StartAsync(_workspace, _clock);

        var chain = await RunChainAsync(vibe);

        Assert.Equal([1, 2, 3], chain.Select(run => run.Attempt));
        Assert.All(chain, run => Assert.Equal(RunStatus.Failed, run.Status));
        Assert.All(chain.Skip(1), run => Assert.Equal(chain[0].Id, run.RetryOfId));
        Assert.All(chain.Skip(1), run => Assert.Equal(TriggerKind.Retry, run.Trigger));
        Assert.Equal(TimeSpan.FromSeconds(10), chain[1].DueAt - chain[0].FinishedAt);
        Assert.Equal(TimeSpan.FromSeconds(20), chain[2].DueAt - chain[1].FinishedAt);

        var report = await vibe.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
        Assert.Single(report.Sent);
        var mail = Assert.Single(smtp.Messages());
        Assert.Equal("[vibe] invoice-download failed (attempt 3/3) on RPA-01", mail.Message.Subject);
        Assert.Contains($"Run:          {chain[2].Id} (attempt 3 of 3)", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_onEveryAttempt_each_failed_attempt_is_mailed_and_says_what_comes_next()
    {
        _workspace.WriteRobotList(Workspaces.FailingRobot(maxAttempts: 2, retryDelay: "10s", notify: """{ "onEveryAttempt": true }"""))
            .WriteEnv($"VIBE_HOST_NAME={Workspaces.HostName}", "VIBE_NOTIFY_TO=ops@example.com", "VIBE_SMTP_HOST=127.0.0.1", "VIBE_SMTP_FROM=vibe@example.com");
        await using var vibe = await InProcessVibe.StartAsync(_workspace, _clock);

        var chain = await RunChainAsync(vibe);

        var mails = await vibe.WithDatabaseAsync(db => db.OutboxMails.OrderBy(mail => mail.Id).ToListAsync());
        Assert.Equal(2, chain.Count);
        Assert.Equal(
            ["[vibe] invoice-download failed (attempt 1/2) on RPA-01", "[vibe] invoice-download failed (attempt 2/2) on RPA-01"],
            mails.Select(mail => mail.Subject));
        Assert.Contains("Next attempt: attempt 2 of 2 is queued", mails[0].Body, StringComparison.Ordinal);
        Assert.Contains("Next attempt: none", mails[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Jitter_keeps_every_delay_between_half_and_all_of_the_exponential_back_off(double random)
    {
        var policy = new RetryPolicy(6, TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(60), Jitter: true);

        var delays = Enumerable.Range(2, 5).Select(attempt => policy.DelayBefore(attempt, random).TotalSeconds).ToList();

        double[] nominal = [10, 20, 40, 60, 60];
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i], nominal[i] * 0.5, nominal[i]);
        }
    }

    /// <summary>Runs the first attempt, then each queued retry once the clock reaches its due time.</summary>
    private async Task<List<TaskRun>> RunChainAsync(InProcessVibe vibe)
    {
        long? next;
        await using (var scope = vibe.Services.CreateAsyncScope())
        {
            next = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnqueueRun("invoice-download", TriggerKind.Manual))).Id;
        }

        while (next is { } id)
        {
            var due = await vibe.WithDatabaseAsync(db => db.Runs.Where(run => run.Id == id).Select(run => run.DueAt).SingleAsync());
            if (due > _clock.GetUtcNow().UtcDateTime)
            {
                _clock.Advance(due - _clock.GetUtcNow().UtcDateTime);
            }

            await using (var scope = vibe.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExecuteRun(id));
            }

            _clock.Advance(TimeSpan.FromSeconds(3));
            next = await vibe.WithDatabaseAsync(db => db.Runs.Where(run => run.RetryOfId != null && run.Status == RunStatus.Pending).Select(run => (long?)run.Id).SingleOrDefaultAsync());
        }

        return await vibe.WithDatabaseAsync(db => db.Runs.OrderBy(run => run.Id).ToListAsync());
    }

    public void Dispose() => _workspace.Dispose();
}
