using System.Text.Json;
using MimeKit;
using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>The whole path through the real `vibe` CLI: a robot fails, the failure mail reaches a real SMTP server once.</summary>
public sealed class FailureMailCliTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task A_failed_robot_sends_exactly_one_mail_with_the_subject_and_every_field_of_the_body()
    {
        using var smtp = await SmtpTestServer.StartAsync();
        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv(Workspaces.PlainSmtp(smtp.Port));

        var run = await _workspace.VibeAsync("run-now", "invoice-download");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failure mail sent to ops@example.com", run.Output, StringComparison.Ordinal);
        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("[vibe] invoice-download failed (attempt 1/1) on RPA-01", mail.Message.Subject);
        Assert.Equal(["ops@example.com"], mail.Recipients);
        Assert.Equal("vibe.failure.1@RPA-01", mail.Message.MessageId);
        Assert.Equal("vibe@example.com", mail.Message.From.Mailboxes.Single().Address);

        var body = mail.Message.TextBody;
        Assert.Contains("Robot invoice-download failed on RPA-01.", body, StringComparison.Ordinal);
        Assert.Contains("Run:          1 (attempt 1 of 1)", body, StringComparison.Ordinal);
        Assert.Contains("Step:         #2 run", body, StringComparison.Ordinal);
        Assert.Contains("'sh' exited with code 3", body, StringComparison.Ordinal);
        Assert.Matches(@"Failed at:    \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d Europe/Paris\)", body);
        Assert.Contains($"Evidence:     {Path.Combine(_workspace.DataDirectory, "runs", "1", "evidence")}", body, StringComparison.Ordinal);
        Assert.Contains("Next attempt: none", body, StringComparison.Ordinal);

        // Nothing is left to send, and sending again sends nothing twice.
        var again = await _workspace.VibeAsync("notify", "send");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("no mail is due", again.Output, StringComparison.Ordinal);
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task A_failed_attempt_with_retries_left_sends_no_mail_and_status_shows_the_chain_and_the_evidence()
    {
        using var smtp = await SmtpTestServer.StartAsync();
        _workspace.WriteRobotList(Workspaces.FailingRobot(maxAttempts: 3)).WriteEnv(Workspaces.PlainSmtp(smtp.Port));

        var run = await _workspace.VibeAsync("run-now", "invoice-download");
        var status = await _workspace.VibeAsync("status", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("mail", run.Output + run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smtp.Messages());
        Assert.Equal(0, status.ExitCode);
        var evidence = Path.Combine(_workspace.DataDirectory, "runs", "1", "evidence");
        Assert.Contains($"  evidence   {evidence}", status.Output, StringComparison.Ordinal);
        Assert.Contains("Attempts:", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"\*1/3  run 1  Failed", status.Output);
        Assert.Matches(@" 2/3  run 2  Pending", status.Output);
        Assert.Contains($"        evidence {evidence}", status.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(evidence, "failure.txt")));
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_run_fails_the_mail_stays_queued_and_arrives_exactly_once_when_it_is_back()
    {
        using var smtp = new SmtpTestServer();
        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv(Workspaces.PlainSmtp(smtp.Port, "VIBE_NOTIFY_RETRY_DELAY=1s"));

        var run = await _workspace.VibeAsync("run-now", "invoice-download");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("run 1 failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("the failure mail to ops@example.com could not be sent", run.Error, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", run.Error, StringComparison.Ordinal);
        Assert.Contains("it stays queued", run.Error, StringComparison.Ordinal);
        var queued = Assert.Single(await QueueAsync());
        Assert.Equal(1, queued.GetProperty("attempts").GetInt32());
        Assert.Contains("cannot be reached", queued.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("sentAt").ValueKind);

        await smtp.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var send = await _workspace.VibeAsync("notify", "send");
        var sendAgain = await _workspace.VibeAsync("notify", "send");

        Assert.Equal(0, send.ExitCode);
        Assert.Contains("sent mail 1 (failure of run 1) to ops@example.com", send.Output, StringComparison.Ordinal);
        Assert.Contains("no mail is due", sendAgain.Output, StringComparison.Ordinal);
        var mail = Assert.Single(smtp.Messages());
        Assert.Equal("[vibe] invoice-download failed (attempt 1/1) on RPA-01", mail.Message.Subject);
    }

    private async Task<List<JsonElement>> QueueAsync()
    {
        var queue = await _workspace.VibeAsync("notify", "queue", "--json");
        Assert.True(queue.ExitCode == 0, queue.ToString());
        using var document = JsonDocument.Parse(queue.Output);
        return document.RootElement.EnumerateArray().Select(element => element.Clone()).ToList();
    }

    public void Dispose() => _workspace.Dispose();
}
