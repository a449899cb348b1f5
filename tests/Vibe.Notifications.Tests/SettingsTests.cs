using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Notifications;
using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>When mail settings are required and what is said about them; the .env permission check.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task No_smtp_settings_are_required_when_nothing_asks_for_mail()
    {
        _workspace.WriteRobotList("""{ "name": "quiet", "executor": "shell", "steps": [ { "action": "log", "message": "hi" } ] }""").WriteEnv("PORTAL_TOKEN=abcdef");
        await using var vibe = await InProcessVibe.StartAsync(_workspace);

        Assert.Empty(vibe.Get<SmtpOptionsValidator>().CurrentProblems());
    }

    [Fact]
    public async Task A_robot_with_a_notify_list_makes_the_smtp_host_and_sender_required()
    {
        _workspace.WriteRobotList(Workspaces.FailingRobot(notify: """["ops@example.com"]"""));
        await using var vibe = await InProcessVibe.StartAsync(_workspace);

        var problems = vibe.Get<SmtpOptionsValidator>().CurrentProblems();

        Assert.Equal(
            [
                "VIBE_SMTP_HOST is not set, but robot 'invoice-download' has a \"notify\" list: set it to the SMTP server's host name",
                "VIBE_SMTP_FROM is not set: set the sender address, for example vibe@example.com",
            ],
            problems);
    }

    [Fact]
    public async Task A_missing_ca_file_and_template_and_a_bad_timeout_are_named_with_their_paths()
    {
        _workspace.WriteEnv("VIBE_SMTP_HOST=mail.example.com", "VIBE_SMTP_FROM=vibe@example.com", "VIBE_SMTP_CA_FILE=certs/ca.pem", "VIBE_SMTP_TIMEOUT=soon", "VIBE_NOTIFY_TEMPLATE=mail.txt");
        await using var vibe = await InProcessVibe.StartAsync(_workspace);

        var problems = vibe.Get<SmtpOptionsValidator>().CurrentProblems();

        Assert.Contains($"VIBE_SMTP_CA_FILE: {_workspace.PathOf("certs/ca.pem")}: the file does not exist", problems);
        Assert.Contains("VIBE_SMTP_TIMEOUT is 'soon'; use a duration such as 30s or 00:00:30", problems);
        Assert.Contains($"VIBE_NOTIFY_TEMPLATE: {_workspace.PathOf("mail.txt")} does not exist (remove the setting to use the built-in template)", problems);
    }

    [Fact]
    public void The_outbox_back_off_doubles_after_each_failed_delivery_up_to_the_maximum()
    {
        var options = new NotifyOptions { RetryDelay = "30s", MaxRetryDelay = "5m" };

        var waits = Enumerable.Range(1, 6).Select(options.BackoffAfter).ToList();

        Assert.Equal([30, 60, 120, 240, 300, 300], waits.Select(wait => wait.TotalSeconds));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite, null)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "is readable by its group (mode 0640)")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, "is readable by all other users (mode 0604)")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite, "is writable by its group (mode 0620)")]
    public void An_env_file_others_can_use_gets_a_warning(UnixFileMode mode, string? expected)
    {
        _workspace.WriteEnv("VIBE_SMTP_PASSWORD=secret");
        var path = _workspace.PathOf(".env");
        File.SetUnixFileMode(path, mode);

        var warning = EnvFilePermissions.Check(path);

        if (expected is null)
        {
            Assert.Null(warning);
        }
        else
        {
            Assert.NotNull(warning);
            Assert.Contains(expected, warning, StringComparison.Ordinal);
            Assert.EndsWith($"run chmod 600 {path}", warning, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _workspace.Dispose();
}
