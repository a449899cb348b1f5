using System.Text.Json.Nodes;
using Vibe.TestSupport;

namespace Vibe.Executors.Desktop.WindowsE2E;

/// <summary>
/// The same Notepad round trip as a robot, run by the real `vibe run-now`: robots.json, the desktop executor's
/// shared actions and the Windows driver together, as an operator would use them.
/// </summary>
public sealed class NotepadRobotTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [WindowsFact]
    public async Task A_desktop_robot_types_into_Notepad_saves_the_file_and_closes_it()
    {
        var path = _workspace.PathOf("vibe-cli-e2e.txt");
        var text = $"robot {Guid.NewGuid():N} – ünïcode ✓";
        var robot = new JsonObject
        {
            ["name"] = "notepad-e2e",
            ["executor"] = "desktop",
            ["timeout"] = "00:02:00",
            ["desktop"] = new JsonObject { ["timeout"] = "20s" },
            ["steps"] = new JsonArray(
                Step("launch", ("program", "notepad.exe")),
                Step("waitWindow", ("window", "window[title$=\"Notepad\"]")),
                Step("focus"),
                Step("typeKeys", ("text", text)),
                Step("hotkey", ("keys", "ctrl+shift+s")),
                Step("attach", ("window", "window[class=\"#32770\"]")),
                Step("setText", ("selector", "edit[id=\"1001\"]"), ("text", path)),
                Step("click", ("selector", "button[id=\"1\"]")),
                Step("waitWindow", ("window", "window[title*=\"vibe-cli-e2e\"]")),
                Step("close")),
        };
        _workspace.WriteRobotList(robot.ToJsonString());

        var result = await VibeProcess.RunAsync(_workspace.Directory, "run-now", "notepad-e2e");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(text, File.ReadAllText(path).TrimEnd('\r', '\n'));
    }

    public void Dispose() => _workspace.Dispose();

    private static JsonObject Step(string action, params (string Name, string Value)[] parameters)
    {
        var step = new JsonObject { ["action"] = action };
        foreach (var (name, value) in parameters)
        {
            step[name] = value;
        }

        return step;
    }
}
