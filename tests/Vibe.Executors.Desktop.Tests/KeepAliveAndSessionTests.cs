using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Tests.Support;

namespace Vibe.Executors.Desktop.Tests;

[Collection(DesktopCollection.Name)]
public sealed class KeepAliveAndSessionTests(DesktopFixture desktop)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(1500);

    [LinuxFact]
    public async Task The_keep_alive_resets_the_idle_timer_while_any_robot_runs_and_stops_with_it()
    {
        using var harness = new RobotHarness(new Dictionary<string, string> { ["VIBE_KEEPALIVE_INTERVAL"] = "300ms" });
        using var clock = new IdleClock(desktop.Display);
        Assert.True(await WaitUntilAsync(() => clock.Idle >= Idle, TimeSpan.FromSeconds(15)), "the desktop never became idle");
        var pointer = clock.Pointer;
        var robot = harness.Robot("""
            { "executor": "shell", "steps": [ { "action": "wait", "duration": "2500ms" } ] }
            """);

        var log = new RecordingLog(1);
        var running = harness.RunAsync(robot, log: log);
        await WaitUntilAsync(() => log.Lines.Any(line => line.StartsWith("keep-alive: reset", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        var longestIdleWhileRunning = TimeSpan.Zero;
        while (!running.IsCompleted)
        {
            var idle = clock.Idle;
            longestIdleWhileRunning = idle > longestIdleWhileRunning ? idle : longestIdleWhileRunning;
            await Task.Delay(50);
        }

        var run = await running;

        Assert.True(run.Result.Status == RunStatus.Succeeded, run.Result.Error + "\n" + log.Text);
        Assert.True(longestIdleWhileRunning < Idle, $"idle reached {longestIdleWhileRunning} while the robot ran\n{log.Text}");
        Assert.Equal(pointer, clock.Pointer);
        Assert.Contains(log.Lines, line => line.StartsWith("keep-alive: on while the robot runs, every 300ms", StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.StartsWith("keep-alive: off; it ran", StringComparison.Ordinal));
        Assert.True(await WaitUntilAsync(() => clock.Idle >= Idle, TimeSpan.FromSeconds(15)), "the idle timer kept being reset after the robot ended");
        Assert.Equal(pointer, clock.Pointer);
    }

    [LinuxFact]
    public async Task A_desktop_robot_whose_display_is_not_there_ends_SessionUnavailable_before_any_step()
    {
        using var harness = new RobotHarness();
        var robot = harness.Robot("""
            {
              "desktop": { "display": ":4711" },
              "steps": [ { "action": "click", "selector": "window[title=x] >> button" } ]
            }
            """);

        var run = await harness.RunAsync(robot);

        Assert.Equal(RunStatus.SessionUnavailable, run.Result.Status);
        Assert.StartsWith("cannot open the X display ':4711'", run.Result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Log.Lines, line => line.Contains("step #1 click started", StringComparison.Ordinal));
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
