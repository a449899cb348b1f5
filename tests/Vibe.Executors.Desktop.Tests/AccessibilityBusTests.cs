using System.Diagnostics;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Tests.Support;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>
/// Qt finds the accessibility bus through the root window's AT_SPI_BUS property (at-spi-bus-launcher sets it).
/// The shared Xvfb has none (it drops it when its last client leaves); vibe publishes its session's bus there.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class AccessibilityBusTests(DesktopFixture desktop) : IDisposable
{
    private readonly RobotHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [LinuxFact]
    public async Task Without_AT_SPI_BUS_on_the_root_window_vibe_publishes_the_sessions_bus_and_says_how_to_fix_it_when_it_cannot()
    {
        // Fails on 74134b1: vibe only reported the missing property ("AT_SPI_BUS=missing"), so a Qt program it
        // launched afterwards had no accessibility bus (QtApplicationTests shows the consequence).
        // at-spi-bus-launcher sets the property, but Xvfb (without -noreset) drops it when its last client leaves,
        // as in the fixture.
        var address = (await Run("dbus-send", "--session", "--print-reply=literal", "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress")).Trim();
        Assert.StartsWith("unix:", address, StringComparison.Ordinal);
        var robot = _harness.Robot($$"""
            {
              "desktop": { "timeout": "1s" },
              "steps": [
                { "action": "launch", "program": "{{desktop.Python}}", "args": ["{{ElementActionTests.AppPath("tk_target.py")}}", "{{Path.Combine(_harness.DataFolder, "events.txt")}}"] },
                { "action": "waitWindow", "window": "window[title='Vibe Tk target']", "timeout": "20s" },
                { "action": "click", "selector": "button[name=OK]" }
              ]
            }
            """);

        // A client stays connected meanwhile: when the last client leaves, Xvfb resets and drops root properties.
        using var keeper = StayConnected();
        try
        {
            await Run("xprop", "-root", "-remove", "AT_SPI_BUS");
            var run = await _harness.RunAsync(robot);

            Assert.Contains($"AT_SPI_BUS=published by vibe ({address})", run.Log.Text, StringComparison.Ordinal);
            Assert.Equal($"AT_SPI_BUS(STRING) = \"{address}\"", (await Run("xprop", "-root", "AT_SPI_BUS")).Trim());

            // Tk has no AT-SPI at all: the step says so, without blaming the bus.
            Assert.True(run.Result.Status == RunStatus.Failed, run.Log.Text);
            Assert.Contains("has no AT-SPI tree", run.Result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("AT_SPI_BUS", run.Result.Error, StringComparison.Ordinal);

            // A session whose accessibility bus cannot be asked for (no session bus address for vibe) cannot publish
            // it: the session line and the step say what is missing and how to fix it.
            await Run("xprop", "-root", "-remove", "AT_SPI_BUS");
            var sessionBus = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
            RunOutcome without;
            Environment.SetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS", null);
            try
            {
                without = await _harness.RunAsync(robot, runId: 2);
            }
            finally
            {
                Environment.SetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS", sessionBus);
            }

            Assert.Contains("AT_SPI_BUS=missing: ", without.Log.Text, StringComparison.Ordinal);
            Assert.Contains("has no AT_SPI_BUS property", without.Result.Error, StringComparison.Ordinal);
            Assert.Contains("start /usr/libexec/at-spi-bus-launcher", without.Result.Error, StringComparison.Ordinal);
        }
        finally
        {
            await Run("xprop", "-root", "-remove", "AT_SPI_BUS");
            keeper.Kill();
            await keeper.WaitForExitAsync();
        }
    }

    /// <summary>An X client that waits for root-window changes, holding the server up.</summary>
    private Process StayConnected()
    {
        var start = new ProcessStartInfo("xprop") { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["DISPLAY"] = desktop.Display;
        foreach (var argument in new[] { "-root", "-spy", "AT_SPI_BUS" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.StandardOutput.ReadLine(); // the first report: connected
        return process;
    }

    private async Task<string> Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DISPLAY"] = desktop.Display;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
