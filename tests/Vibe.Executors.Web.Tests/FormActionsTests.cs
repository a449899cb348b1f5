using Vibe.Domain.Runs;
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
    public async Task Login_robot_signs_in_and_reaches_the_dashboard_without_showing_the_password()
    {
        var run = _harness.Start(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}login.html" },
                { "action": "fill", "selector": "#username", "value": "demo" },
                { "action": "type", "selector": "#password", "text": "${env:SHOP_PASSWORD}", "delay": "5ms" },
                { "action": "check", "selector": "#remember" },
                { "action": "click", "selector": "role=button[name='Sign in']" },
                { "action": "waitFor", "url": "**/dashboard.html" },
                { "action": "assertText", "selector": "#welcome", "text": "Welcome, demo", "match": "exact" },
                { "action": "assertVisible", "selector": "text=Report ready" },
                { "action": "assertVisible", "selector": "#error", "visible": false }
              ]
            }
            """,
            environment => environment["SHOP_PASSWORD"] = "demo-password");

        await run.SucceedsAsync();
        Assert.DoesNotContain("demo-password", run.Log.Text, StringComparison.Ordinal);
        Assert.Contains("browser: /usr/bin/chromium", run.Log.Text, StringComparison.Ordinal);

        // A run that succeeds keeps no trace and no evidence.
        Assert.Empty(Directory.EnumerateFiles(run.RunFolder, "*", SearchOption.AllDirectories));
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

    [Fact]
    public async Task A_failed_assertText_shows_the_expected_and_the_actual_text()
    {
        var result = await _harness.RunAsync(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}login.html" },
                { "action": "fill", "selector": "#username", "value": "demo" },
                { "action": "fill", "selector": "#password", "value": "wrong" },
                { "action": "press", "selector": "#password", "key": "Enter" },
                { "action": "assertText", "selector": "#error", "text": "Welcome", "timeout": "1s" }
              ]
            }
            """);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(4, result.FailedStepIndex);
        Assert.Contains("step #5 assertText: expected '#error' to contain \"Welcome\" but it reads \"Wrong user name or password\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("page 'Sign in - Vibe Sample Shop' at " + _harness.Site.Url("login.html"), result.Error, StringComparison.Ordinal);
    }
}
