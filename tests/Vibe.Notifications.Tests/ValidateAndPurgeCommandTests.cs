using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>`vibe validate` catches mail settings before the first failure does; `vibe purge` frees space but keeps history.</summary>
public sealed class ValidateAndPurgeCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task Validate_lists_every_smtp_problem_and_warns_about_an_env_file_others_can_read()
    {
        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv(
            "VIBE_NOTIFY_TO=ops@example.com, not-an-address",
            "VIBE_SMTP_PORT=smtp",
            "VIBE_SMTP_SECURITY=tls",
            "VIBE_SMTP_USER=robot",
            "VIBE_RETENTION_DAYS=a month");
        File.SetUnixFileMode(_workspace.PathOf(".env"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await _workspace.VibeAsync("validate");

        Assert.Equal(1, result.ExitCode);
        var env = _workspace.PathOf(".env");
        Assert.Contains($"{env}: VIBE_SMTP_HOST is not set", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{env}: VIBE_SMTP_PORT is 'smtp'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{env}: VIBE_SMTP_SECURITY is 'tls'; use one of None, StartTls, SslOnConnect, Auto", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{env}: VIBE_SMTP_FROM is not set", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{env}: VIBE_SMTP_USER is set but VIBE_SMTP_PASSWORD is not", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{env}: VIBE_NOTIFY_TO contains 'not-an-address'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{env}: VIBE_RETENTION_DAYS is 'a month'", result.Error, StringComparison.Ordinal);
        Assert.Contains("7 error(s)", result.Error, StringComparison.Ordinal);
        Assert.Contains($"warning: {env} is readable by its group and all other users (mode 0644)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_accepts_a_machine_that_sends_no_mail_and_a_private_env_file()
    {
        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv("PORTAL_TOKEN=abcdef");
        File.SetUnixFileMode(_workspace.PathOf(".env"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await _workspace.VibeAsync("validate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ok: 1 robot(s)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_removes_old_evidence_and_log_lines_but_keeps_the_runs_summary()
    {
        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv("VIBE_HOST_NAME=RPA-01");
        Assert.Equal(1, (await _workspace.VibeAsync("run-now", "invoice-download")).ExitCode);
        var evidence = Path.Combine(_workspace.DataDirectory, "runs", "1", "evidence");

        var young = await _workspace.VibeAsync("purge", "--older-than", "1d");
        Assert.True(young.ExitCode == 0, young.ToString());
        Assert.Contains("removed 0 evidence folder(s), 0 log line(s)", young.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(evidence));

        var all = await _workspace.VibeAsync("purge", "--older-than", "0s");
        var status = await _workspace.VibeAsync("status", "1");

        Assert.Equal(0, all.ExitCode);
        Assert.Matches(@"removed 1 evidence folder\(s\), [1-9]\d* log line\(s\)", all.Output);
        Assert.False(Directory.Exists(evidence));
        Assert.Contains("  status     Failed", status.Output, StringComparison.Ordinal);
        Assert.Contains("  error      step #2 run (download): 'sh' exited with code 3", status.Output, StringComparison.Ordinal);
        Assert.Contains($"  evidence   {evidence} (no longer on disk)", status.Output, StringComparison.Ordinal);
        Assert.Contains("(no lines)", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_with_an_age_it_cannot_read_names_the_option()
    {
        _workspace.WriteRobotList(Workspaces.FailingRobot());

        var result = await _workspace.VibeAsync("purge", "--older-than", "last week");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("vibe: --older-than 'last week' is not an age: use for example 30d, 12h or 90m", result.Error.Trim());
    }

    public void Dispose() => _workspace.Dispose();
}
