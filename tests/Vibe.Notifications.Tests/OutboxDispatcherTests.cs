using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Vibe.Infrastructure.Notifications;
using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>The outbox dispatcher against a real SMTP server and the real SQLite store.</summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private const string Password = "Corr3ct-Horse-Battery";
    private readonly TempWorkspace _workspace = new();
    private readonly TestCertificates _certificates = TestCertificates.Create();

    [Fact]
    public async Task A_mail_goes_out_over_starttls_with_a_login_with_its_screenshot_and_is_marked_sent()
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { StartTls = _certificates, User = "robot", Password = Password });
        _workspace.WriteEnv(Workspaces.SecureSmtp(smtp.Port, _certificates, "robot", Password));
        await using var vibe = await InProcessVibe.StartAsync(_workspace);
        var id = await OutboxRows.QueueFailureAsync(vibe, OutboxRows.Png);

        var report = await vibe.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        var delivery = Assert.Single(report.Sent);
        Assert.Equal("2.0.0 OK queued as vibe-test-1", delivery.ServerAnswer);
        var mail = Assert.Single(smtp.Messages());
        Assert.True(mail.Tls);
        Assert.Equal("robot", mail.Login);
        Assert.Equal($"vibe.failure.{delivery.RunId}@RPA-01", mail.Message.MessageId);
        Assert.Equal(delivery.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture), mail.Message.Headers["X-Vibe-Run"]);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Message.Attachments));
        Assert.Equal("screenshot.png", attachment.FileName);
        Assert.Equal("image/png", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(OutboxRows.Png, content.ToArray());

        var row = await vibe.WithDatabaseAsync(db => db.OutboxMails.SingleAsync(m => m.Id == id));
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task A_screenshot_over_the_size_cap_is_not_attached_and_tls_on_connect_works()
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { ImplicitTls = _certificates });
        _workspace.WriteEnv(
            $"VIBE_HOST_NAME={Workspaces.HostName}", "VIBE_SMTP_HOST=127.0.0.1", $"VIBE_SMTP_PORT={smtp.Port}", "VIBE_SMTP_SECURITY=SslOnConnect",
            $"VIBE_SMTP_CA_FILE={_certificates.CaCertificatePath}", "VIBE_SMTP_FROM=vibe@example.com", "VIBE_NOTIFY_MAX_ATTACHMENT_KB=1");
        await using var vibe = await InProcessVibe.StartAsync(_workspace);
        await OutboxRows.QueueFailureAsync(vibe, new byte[4096]);

        var report = await vibe.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        Assert.Single(report.Sent);
        var mail = Assert.Single(smtp.Messages());
        Assert.True(mail.Tls);
        Assert.Empty(mail.Message.Attachments);
        Assert.Contains("screenshot.png is larger than 1 KB and is not attached", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_recorded_on_the_mail_which_stays_queued_and_is_retried_later_and_later()
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { StartTls = _certificates, User = "robot", Password = Password });
        _workspace.WriteEnv(Workspaces.SecureSmtp(smtp.Port, _certificates, "robot", "wrong-password", "VIBE_NOTIFY_RETRY_DELAY=30s", "VIBE_NOTIFY_MAX_RETRY_DELAY=10m"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await using var vibe = await InProcessVibe.StartAsync(_workspace, clock);
        var id = await OutboxRows.QueueFailureAsync(vibe);
        var dispatcher = vibe.Get<OutboxDispatcher>();

        var waits = new List<TimeSpan>();
        for (var delivery = 1; delivery <= 4; delivery++)
        {
            var failedAt = clock.GetUtcNow().UtcDateTime;
            var report = await dispatcher.DeliverDueAsync(CancellationToken.None);
            var failed = Assert.Single(report.Failed);
            Assert.Contains("refused the login of 'robot'", failed.Error, StringComparison.Ordinal);

            var row = await vibe.WithDatabaseAsync(db => db.OutboxMails.SingleAsync(m => m.Id == id));
            Assert.Equal(delivery, row.Attempts);
            Assert.Null(row.SentAt);
            Assert.Contains("535", row.LastError, StringComparison.Ordinal);
            waits.Add(row.NextAttemptAt - failedAt);

            // Not due yet: nothing is tried before the back-off is over.
            clock.Advance(row.NextAttemptAt - failedAt - TimeSpan.FromSeconds(1));
            Assert.Empty((await dispatcher.DeliverDueAsync(CancellationToken.None)).Deliveries);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240)], waits);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task A_transient_refusal_is_retried_within_the_same_delivery()
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { FailFirst = 1 });
        _workspace.WriteEnv(Workspaces.PlainSmtp(smtp.Port));
        await using var vibe = await InProcessVibe.StartAsync(_workspace);
        var id = await OutboxRows.QueueFailureAsync(vibe);

        var report = await vibe.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        Assert.Single(report.Sent);
        Assert.Single(smtp.Messages());
        var row = await vibe.WithDatabaseAsync(db => db.OutboxMails.SingleAsync(m => m.Id == id));
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task Two_processes_working_off_the_same_sqlite_outbox_send_every_mail_once()
    {
        using var smtp = await SmtpTestServer.StartAsync();
        _workspace.WriteEnv(Workspaces.PlainSmtp(smtp.Port));
        await TwoDispatchersSendEveryMailOnceAsync(smtp);
    }

    [Fact]
    public async Task Two_processes_working_off_the_same_postgres_outbox_send_every_mail_once()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var smtp = await SmtpTestServer.StartAsync();
        _workspace.WriteEnv(Workspaces.PlainSmtp(smtp.Port, "VIBE_DB_PROVIDER=postgres", $"VIBE_DB_CONNECTION={database.ConnectionString}"));
        await TwoDispatchersSendEveryMailOnceAsync(smtp);
    }

    private async Task TwoDispatchersSendEveryMailOnceAsync(SmtpTestServer smtp)
    {
        await using var first = await InProcessVibe.StartAsync(_workspace);
        await using var second = await InProcessVibe.StartAsync(_workspace);
        for (var i = 0; i < 8; i++)
        {
            await OutboxRows.QueueFailureAsync(first);
        }

        var reports = await Task.WhenAll(
            first.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None),
            second.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));

        Assert.Equal(8, reports.Sum(report => report.Sent.Count()));
        var messages = smtp.Messages();
        Assert.Equal(8, messages.Count);
        Assert.Equal(8, messages.Select(mail => mail.Message.MessageId).Distinct().Count());
        var rows = await first.WithDatabaseAsync(db => db.OutboxMails.ToListAsync());
        Assert.All(rows, row => Assert.Equal(1, row.Attempts));
        Assert.All(rows, row => Assert.NotNull(row.SentAt));
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _certificates.Dispose();
    }
}
