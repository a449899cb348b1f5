using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>A value from .env never shows: not in the run log, the evidence, the console, nor the mail.</summary>
public sealed class SecretMaskingTests : IDisposable
{
    private const string SmtpPassword = "smtp-Pa55word-77";
    private readonly TempWorkspace _workspace = new();
    private readonly TestCertificates _certificates = TestCertificates.Create();

    // The numeric case is issue 13 item 4: on db909f4 a value that parses as a number was never masked.
    [Theory]
    [InlineData("tok-5ecret-XYZ-42")]
    [InlineData("48392017")]
    public async Task A_secret_from_env_is_masked_in_the_run_log_the_evidence_the_console_and_the_mail(string token)
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { StartTls = _certificates, User = "robot", Password = SmtpPassword });
        _workspace
            .WriteEnv(Workspaces.SecureSmtp(smtp.Port, _certificates, "robot", SmtpPassword, $"PORTAL_TOKEN={token}"))
            .WriteRobotList("""
                {
                  "name": "leaky",
                  "executor": "shell",
                  "steps": [
                    { "action": "log", "message": "signing in with ${env:PORTAL_TOKEN}" },
                    { "action": "run", "program": "sh", "args": ["-c", "echo \"stdout has $0\"; echo \"stderr has $0\" >&2", "${env:PORTAL_TOKEN}"] },
                    { "action": "run", "program": "/nonexistent/${env:PORTAL_TOKEN}" }
                  ]
                }
                """);

        var run = await _workspace.VibeAsync("run-now", "leaky");
        var status = await _workspace.VibeAsync("status", "1");
        var evidence = Path.Combine(_workspace.DataDirectory, "runs", "1", "evidence");
        var failureText = await File.ReadAllTextAsync(Path.Combine(evidence, "failure.txt"));
        var failureJson = await File.ReadAllTextAsync(Path.Combine(evidence, "failure.json"));
        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));

        Assert.Equal(1, run.ExitCode);
        var places = new Dictionary<string, string>
        {
            ["run-now console"] = run.Output + run.Error,
            ["run log (vibe status 1)"] = status.Output,
            ["failure.txt"] = failureText,
            ["failure.json"] = failureJson,
            ["mail body"] = mail.Message.TextBody ?? "",
            ["mail as sent"] = mail.Raw,
        };
        foreach (var (place, text) in places)
        {
            Assert.False(text.Contains(token, StringComparison.Ordinal), $"{place} shows the token:\n{text}");
            Assert.False(text.Contains(SmtpPassword, StringComparison.Ordinal), $"{place} shows the SMTP password:\n{text}");
        }

        // The masked values were there to leak: each place carries the error or the log line with *** instead.
        Assert.Contains("signing in with ***", run.Output, StringComparison.Ordinal);
        Assert.Contains("stderr has ***", run.Error, StringComparison.Ordinal);
        Assert.Contains("cannot start '/nonexistent/***'", run.Output, StringComparison.Ordinal);
        Assert.Contains("stdout has ***", status.Output, StringComparison.Ordinal);
        Assert.Contains("cannot start '/nonexistent/***'", status.Output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/***", failureText, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/***", failureJson, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/***", mail.Message.TextBody, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _certificates.Dispose();
    }
}
