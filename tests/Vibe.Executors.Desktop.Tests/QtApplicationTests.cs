using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Tests.Support;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>
/// FeatherPad (Debian's featherpad, Qt 5.15) under Xvfb, driven as a user would: launch, type, read the text back by
/// element, quit with unsaved text and answer Qt's question by element. The fixture's Xvfb resets when at-spi-bus-
/// launcher's X connection closes, so the root window has no AT_SPI_BUS: Qt finds the bus through the session bus
/// and registers only because vibe starts it with QT_LINUX_ACCESSIBILITY_ALWAYS_ON.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class QtApplicationTests : IDisposable
{
    private readonly RobotHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [LinuxFact]
    public async Task FeatherPad_is_typed_into_read_back_by_element_and_its_unsaved_changes_question_answered_by_element()
    {
        var home = Directory.CreateDirectory(Path.Combine(_harness.DataFolder, "home-featherpad")).FullName;
        var robot = _harness.Robot($$"""
            {
              "steps": [
                { "action": "launch", "program": "featherpad", "env": { "XDG_CONFIG_HOME": "{{home}}/config", "XDG_DATA_HOME": "{{home}}/data", "XDG_CACHE_HOME": "{{home}}/cache" } },
                { "action": "waitWindow", "window": "window[process=featherpad]", "timeout": "30s" },
                { "action": "type", "selector": "edit", "text": "Qt says hello" },
                { "action": "assertText", "selector": "edit", "text": "Qt says hello" },
                { "action": "readText", "selector": "edit", "variable": "typed" },
                { "action": "hotkey", "keys": "ctrl+q" },
                { "action": "click", "selector": "window[process=featherpad][title=FeatherPad] >> button[name=\"Discard changes\"]" },
                { "action": "waitWindow", "window": "window[process=featherpad]", "state": "closed" }
              ]
            }
            """);

        var run = await _harness.RunAsync(robot);

        Assert.True(run.Result.Status == RunStatus.Succeeded, run.Result.Error + "\n" + run.Log.Text);
        Assert.Equal("Qt says hello", run.Variable("typed"));

        // The window closed on the robot's answer (waitWindow closed); the clean-up never had to end FeatherPad, which
        // it would if the question were still open. (The process may still be exiting when the run ends.)
        Assert.DoesNotContain(run.Log.Lines, line => line.StartsWith("ended ", StringComparison.Ordinal));
    }
}
