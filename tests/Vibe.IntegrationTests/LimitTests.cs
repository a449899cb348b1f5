using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// Every duration is held at `vibe validate` to what the runtime can wait (about 49 days 17 hours), and every
/// VIBE_SERVICE_* setting to what the service can use: the mistake is found before a run or a start-up trips on it.
/// </summary>
public class LimitTests
{
    public static TheoryData<string, string> TooLongDurations() => new()
    {
        { """ "timeout": "60d" """, "timeout '60d' is longer than 49d 17h" },
        { """ "timeout": "1200:00:00" """, "timeout '1200:00:00' is longer than 49d 17h" },
        { """ "retry": { "maxAttempts": 2, "delay": "50d" } """, "delay '50d' is longer than 49d 17h" },
        { """ "retry": { "maxAttempts": 2, "maxDelay": "100d" } """, "maxDelay '100d' is longer than 49d 17h" },
    };

    [Theory]
    [MemberData(nameof(TooLongDurations))]
    public async Task Validate_rejects_a_duration_longer_than_the_runtime_can_wait_naming_the_field(string field, string message)
    {
        using var workspace = new TempWorkspace().WriteRobotList($$"""
            { "name": "slow", "executor": "shell", {{field}}, "steps": [ { "action": "log", "message": "x" } ] }
            """);

        var validate = await VibeProcess.RunAsync(workspace.Directory, "validate");

        Assert.True(validate.ExitCode == 1, validate.ToString());
        Assert.Contains(message, validate.Output + validate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_longer_than_the_runtime_can_wait_is_refused_by_validate_and_runs_nothing()
    {
        using var workspace = new TempWorkspace().WriteRobotList("""
            { "name": "sleepy", "executor": "shell", "steps": [ { "action": "wait", "duration": "60d" } ] }
            """);

        var validate = await VibeProcess.RunAsync(workspace.Directory, "validate");
        var run = await VibeProcess.RunAsync(workspace.Directory, "run-now", "sleepy");

        Assert.True(validate.ExitCode == 1, validate.ToString());
        Assert.Contains("60d", validate.Output + validate.Error, StringComparison.Ordinal);
        Assert.Contains("49d 17h", validate.Output + validate.Error, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadServiceSettings() => new()
    {
        { "VIBE_SERVICE_LEASE=abc", "VIBE_SERVICE_LEASE 'abc' is not a duration" },
        { "VIBE_SERVICE_SHUTDOWN_GRACE=60d", "VIBE_SERVICE_SHUTDOWN_GRACE '60d' is longer than 49d 17h" },
        { "VIBE_SERVICE_POLL_INTERVAL=0s", "VIBE_SERVICE_POLL_INTERVAL is '0s'; it must be longer than zero" },
        { "VIBE_SERVICE_CATCH_UP_WINDOW=soon", "VIBE_SERVICE_CATCH_UP_WINDOW 'soon' is not a duration" },
    };

    [Theory]
    [MemberData(nameof(BadServiceSettings))]
    public async Task A_bad_service_setting_is_reported_by_validate_and_refused_at_start_up_in_one_line(string setting, string message)
    {
        using var workspace = new TempWorkspace().WriteRobotList("""
            { "name": "x", "executor": "shell", "steps": [ { "action": "log", "message": "x" } ] }
            """).WriteEnv(setting);

        var validate = await VibeProcess.RunAsync(workspace.Directory, "validate");
        Assert.True(validate.ExitCode == 1, validate.ToString());
        Assert.Contains(message, validate.Output + validate.Error, StringComparison.Ordinal);

        var start = await VibeProcess.RunAsync(workspace.Directory, "start-service");
        Assert.True(start.ExitCode == 3, start.ToString());
        Assert.Equal($"vibe: {message}", start.Error.Trim().Split('\n')[0][..(message.Length + 6)]);
        Assert.DoesNotContain(" at ", start.Error, StringComparison.Ordinal);
        Assert.Single(start.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
