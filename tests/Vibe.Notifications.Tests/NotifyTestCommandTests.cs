using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>`vibe notify test` against a real server that wants STARTTLS and a login.</summary>
public sealed class NotifyTestCommandTests : IDisposable
{
    private const string Password = "Corr3ct-Horse-Battery";
    private readonly TempWorkspace _workspace = new();
    private readonly TestCertificates _certificates = TestCertificates.Create();

    [Fact]
    public async Task Notify_test_over_starttls_with_a_login_delivers_and_prints_what_the_server_answered()
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { StartTls = _certificates, User = "robot", Password = Password });
        _workspace.WriteEnv(Workspaces.SecureSmtp(smtp.Port, _certificates, "robot", Password));

        var result = await _workspace.VibeAsync("notify", "test", "--to", "someone@example.com");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"through 127.0.0.1:{smtp.Port} (StartTls) as robot", result.Output, StringComparison.Ordinal);
        Assert.Contains("server: 220 vibe-test-smtp", result.Output, StringComparison.Ordinal);
        Assert.Contains("server: 235 2.7.0 Authentication successful", result.Output, StringComparison.Ordinal);
        Assert.Contains("the server accepted the mail: 2.0.0 OK queued as vibe-test-1", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Output + result.Error, StringComparison.Ordinal);
        var mail = Assert.Single(smtp.Messages());
        Assert.True(mail.Tls);
        Assert.Equal("robot", mail.Login);
        Assert.Equal(["someone@example.com"], mail.Recipients);
        Assert.Equal("[vibe] test mail from RPA-01", mail.Message.Subject);
    }

    [Fact]
    public async Task Notify_test_with_a_wrong_password_fails_with_the_servers_refusal_and_sends_nothing()
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { StartTls = _certificates, User = "robot", Password = Password });
        _workspace.WriteEnv(Workspaces.SecureSmtp(smtp.Port, _certificates, "robot", "not-the-password"));

        var result = await _workspace.VibeAsync("notify", "test");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("server: 535 5.7.8 Authentication credentials invalid", result.Error, StringComparison.Ordinal);
        Assert.Contains("vibe: SMTP server 127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused the login of 'robot'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Notify_test_against_a_certificate_nobody_trusts_says_so()
    {
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { StartTls = _certificates });
        _workspace.WriteEnv(
            $"VIBE_HOST_NAME={Workspaces.HostName}", "VIBE_SMTP_HOST=127.0.0.1", $"VIBE_SMTP_PORT={smtp.Port}", "VIBE_SMTP_SECURITY=StartTls",
            "VIBE_SMTP_FROM=vibe@example.com", "VIBE_NOTIFY_TO=ops@example.com");

        var result = await _workspace.VibeAsync("notify", "test");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("the TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("VIBE_SMTP_CA_FILE", result.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _certificates.Dispose();
    }
}
