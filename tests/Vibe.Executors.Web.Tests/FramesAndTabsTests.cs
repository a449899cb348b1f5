using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FramesAndTabsTests
{
    private readonly WebRobotHarness _harness;

    public FramesAndTabsTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task Steps_act_inside_the_iframe_then_in_the_new_tab_and_the_popup()
    {
        var run = _harness.Start(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}dashboard.html" },
                { "action": "frame", "selector": "#payment" },
                { "action": "fill", "selector": "#card", "value": "4111 1111 1111 1234" },
                { "action": "click", "selector": "#pay" },
                { "action": "assertText", "selector": "#paid", "text": "Paid with card ending 1234" },
                { "action": "evaluate", "expression": "document.title", "variable": "frameTitle" },
                { "action": "frame" },
                { "action": "extract", "selector": "#welcome", "variable": "welcome" },
                { "action": "tab", "selector": "#help" },
                { "action": "extract", "selector": "#opened-from", "variable": "helpTab" },
                { "action": "tab", "index": 0 },
                { "action": "tab", "selector": "#open-popup" },
                { "action": "extract", "selector": "#opened-from", "variable": "popup" },
                { "action": "tab", "close": true, "url": "**/popup.html" },
                { "action": "extract", "selector": "#opened-from", "variable": "afterClose" },
                { "action": "tab", "index": 0 },
                { "action": "evaluate", "expression": "document.title", "variable": "firstTab" }
              ]
            }
            """);

        await run.SucceedsAsync();
        Assert.Equal("Payment frame", run.Variable("frameTitle"));
        Assert.Equal("Not signed in", run.Variable("welcome"));
        Assert.Equal("Opened directly", run.Variable("helpTab"));
        Assert.Equal("Opened from dashboard", run.Variable("popup"));
        Assert.Equal("Opened directly", run.Variable("afterClose"));
        Assert.Equal("Dashboard - Vibe Sample Shop", run.Variable("firstTab"));
    }
}
