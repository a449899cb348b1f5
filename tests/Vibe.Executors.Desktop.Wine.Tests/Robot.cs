using System.Text.Json.Nodes;

namespace Vibe.Executors.Desktop.Wine.Tests;

/// <summary>Builds a desktop robot for robots.json, step by step.</summary>
internal static class Robot
{
    public static string DesktopRobot(string name, params JsonObject[] steps) => DesktopRobotWith(name, [], steps);

    /// <summary>A robot whose "desktop" block has <paramref name="settings"/> besides the 20 s timeout.</summary>
    public static string DesktopRobotWith(string name, JsonObject settings, params JsonObject[] steps)
    {
        settings["timeout"] ??= "20s";
        return new JsonObject
        {
            ["name"] = name,
            ["executor"] = "desktop",
            ["timeout"] = "00:02:00",
            ["desktop"] = settings,
            ["steps"] = new JsonArray(steps),
        }.ToJsonString();
    }

    public static JsonObject Step(string action, params (string Name, JsonNode? Value)[] parameters)
    {
        var step = new JsonObject { ["action"] = action };
        foreach (var (name, value) in parameters)
        {
            step[name] = value;
        }

        return step;
    }

    /// <summary>Input reaches Notepad asynchronously: a check after typing is retried until the text has arrived.</summary>
    public static JsonObject Retried(this JsonObject step)
    {
        step["retry"] = new JsonObject { ["attempts"] = 20, ["delay"] = "250ms" };
        return step;
    }

    public static JsonObject LaunchNotepad() => Step("launch", ("program", "notepad.exe"));

    public static JsonObject WaitNotepad() => Step("waitWindow", ("window", "window[title$=\"Notepad\"]"));
}
