using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vibe.Infrastructure;
using Vibe.Infrastructure.Persistence;
using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>The service's sender loop: an SMTP outage delays mail, never loses or doubles it.</summary>
public sealed class OutboxSenderServiceTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task A_mail_queued_during_an_outage_arrives_exactly_once_when_the_server_is_back()
    {
        using var smtp = new SmtpTestServer();
        _workspace.WriteEnv(Workspaces.PlainSmtp(smtp.Port, "VIBE_NOTIFY_POLL_INTERVAL=200ms", "VIBE_NOTIFY_RETRY_DELAY=1s"));
        using var host = await ServiceHost.WithOutboxSenderAsync(_workspace);
        await using (var vibe = await InProcessVibe.StartAsync(_workspace))
        {
            await OutboxRows.QueueFailureAsync(vibe);
        }

        await host.StartAsync();
        var contexts = host.Services.GetRequiredService<IVibeDbContextFactory>();
        await WaitUntilAsync(async () =>
        {
            await using var db = contexts.Create();
            return await db.OutboxMails.AnyAsync(mail => mail.Attempts >= 1 && mail.LastError != null);
        });

        await smtp.StartAsync();
        var arrived = await smtp.WaitForMessagesAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await host.StopAsync();

        Assert.Single(arrived);
        Assert.Single(smtp.Messages());
        await using var check = contexts.Create();
        var row = await check.OutboxMails.SingleAsync();
        Assert.NotNull(row.SentAt);
        Assert.True(row.Attempts >= 2, $"expected a failed delivery before the successful one, saw {row.Attempts} attempt(s)");
    }

    [Fact]
    public async Task The_service_refuses_to_start_with_every_mail_settings_problem_listed()
    {
        _workspace.WriteEnv("VIBE_NOTIFY_TO=ops@example.com", "VIBE_SMTP_SECURITY=tls", "VIBE_SMTP_PASSWORD=secret-only");
        using var host = await ServiceHost.WithOutboxSenderAsync(_workspace);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, failure => failure.StartsWith("VIBE_SMTP_HOST is not set", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("VIBE_SMTP_SECURITY is 'tls'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("VIBE_SMTP_FROM is not set", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("VIBE_SMTP_PASSWORD is set but VIBE_SMTP_USER is not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_retention_service_removes_evidence_older_than_the_retention_days_at_start_up()
    {
        _workspace.WriteEnv("VIBE_RETENTION_DAYS=2");
        var threeDaysAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-3));
        await using (var past = await InProcessVibe.StartAsync(_workspace, threeDaysAgo))
        {
            await OutboxRows.QueueFailureAsync(past);
        }

        await using (var today = await InProcessVibe.StartAsync(_workspace))
        {
            await OutboxRows.QueueFailureAsync(today);
        }

        var old = Path.Combine(_workspace.DataDirectory, "runs", "1", "evidence");
        var recent = Path.Combine(_workspace.DataDirectory, "runs", "2", "evidence");
        Assert.True(Directory.Exists(old));
        using var host = await ServiceHost.BuildAsync(_workspace, services => services.AddRetention());

        await host.StartAsync();
        await WaitUntilAsync(() => Task.FromResult(!Directory.Exists(old)));
        await host.StopAsync();

        Assert.True(Directory.Exists(recent));
        await using var db = host.Services.GetRequiredService<IVibeDbContextFactory>().Create();
        Assert.Equal(2, await db.Runs.CountAsync(run => run.Error != null));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 20 s");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _workspace.Dispose();
}
