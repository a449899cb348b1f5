using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>Issue 18 (M4): with a login configured, vibe never authenticates over an unencrypted connection.</summary>
public sealed class ClearTextAuthTests : IDisposable
{
    private const string Password = "Strip-Me-If-You-Can-42";
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task Auto_against_a_server_whose_starttls_was_stripped_sends_no_password()
    {
        // The server takes AUTH in clear and does not offer STARTTLS, as one behind a man in the middle would look.
        using var smtp = await SmtpTestServer.StartAsync(new SmtpServerSetup { User = "robot", Password = Password, AuthInClear = true });
        _workspace.WriteEnv(
            $"VIBE_HOST_NAME={Workspaces.HostName}", "VIBE_SMTP_HOST=127.0.0.1", $"VIBE_SMTP_PORT={smtp.Port}", "VIBE_SMTP_SECURITY=Auto",
            "VIBE_SMTP_USER=robot", $"VIBE_SMTP_PASSWORD={Password}", "VIBE_SMTP_FROM=vibe@example.com", "VIBE_NOTIFY_TO=ops@example.com");

        var result = await _workspace.VibeAsync("notify", "test");

        Assert.Empty(smtp.AuthAttempts());
        Assert.Empty(smtp.Messages());
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("does not offer STARTTLS, so the password of 'robot' was not sent over an unencrypted connection", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_a_login_over_an_unencrypted_connection()
    {
        _workspace.WriteRobots("""{ "robots": [] }""");
        _workspace.WriteEnv(
            "VIBE_SMTP_HOST=127.0.0.1", "VIBE_SMTP_SECURITY=None", "VIBE_SMTP_USER=robot", $"VIBE_SMTP_PASSWORD={Password}",
            "VIBE_SMTP_FROM=vibe@example.com");

        var result = await _workspace.VibeAsync("validate");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("VIBE_SMTP_SECURITY is None but VIBE_SMTP_USER is set: vibe never sends a password over an unencrypted connection", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
