using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FormActionsTests
{
    private readonly WebRobotHarness _harness;

    public FormActionsTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task Form_widgets_are_typed_selected_ticked_uploaded_hovered_and_pressed()
    {
        var robotFolder = _harness.RobotFolder("form");
        await File.WriteAllTextAsync(Path.Combine(robotFolder, "order.txt"), "12 boxes");
        var run = _harness.Start(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}form.html" },
                { "action": "press", "key": "Control+K" },
                { "action": "type", "selector": "#search", "text": "abc", "delay": "5ms" },
                { "action": "press", "selector": "#search", "key": ["End", "Backspace"] },
                { "action": "select", "selector": "#period", "label": "Second quarter" },
                { "action": "uncheck", "selector": "#gift" },
                { "action": "check", "selector": "#express" },
                { "action": "upload", "selector": "#attachment", "files": ["order.txt"] },
                { "action": "hover", "selector": "#menu" },
                { "action": "assertVisible", "selector": "text=My orders" },
                { "action": "dblclick", "selector": "#dbl" },
                { "action": "extract", "selector": "#search", "what": "value", "variable": "search" },
                { "action": "extract", "selector": "#keys", "variable": "keys" },
                { "action": "extract", "selector": "#summary", "variable": "summary" },
                { "action": "extract", "selector": "#attached", "variable": "attached" },
                { "action": "extract", "selector": "#dbl", "variable": "dbl" },
                { "action": "extract", "selector": "#shortcut", "variable": "shortcut" }
              ]
            }
            """,
            sourceFile: Path.Combine(robotFolder, "form-robot.json"));

        await run.SucceedsAsync();
        Assert.Equal("ab", run.Variable("search"));
        Assert.Equal("5 key presses", run.Variable("keys"));
        Assert.Equal("q2, gift false, express true", run.Variable("summary"));
        Assert.Equal("order.txt (8 bytes)", run.Variable("attached"));
        Assert.Equal("Double-clicked", run.Variable("dbl"));
        Assert.Equal("Control+K pressed", run.Variable("shortcut"));
    }
}
