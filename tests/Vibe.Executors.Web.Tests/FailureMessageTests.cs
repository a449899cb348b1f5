using Vibe.Application.Executors;
using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

/// <summary>What an operator reads when a step cannot use its element; one browser, several failing steps.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FailureMessageTests
{
    private readonly WebRobotHarness _harness;

    public FailureMessageTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task Failed_steps_say_why_the_element_could_not_be_used_and_where()
    {
        var run = _harness.Prepare(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}dashboard.html" },
                { "action": "click", "selector": "td", "timeout": "500ms" },
                { "action": "click", "selector": "text=Pay all", "timeout": "2s" },
                { "action": "assertVisible", "selector": "#export", "visible": false, "timeout": "500ms" },
                { "action": "assertText", "selector": "#welcome", "text": "Welcome, demo", "timeout": "500ms" },
                { "action": "frame", "selector": "#payment" },
                { "action": "fill", "selector": "#iban", "value": "x", "timeout": "500ms" },
                { "action": "waitFor", "url": "**/settings", "timeout": "500ms" },
                { "action": "frame" },
                { "action": "download", "selector": "#help", "timeout": "1s" },
                { "action": "tab", "selector": "#export", "timeout": "1s" }
              ]
            }
            """);
        var steps = run.Context.Robot.Steps;
        var page = $"(page 'Dashboard - Vibe Sample Shop' at {_harness.Site.Url("dashboard.html")})";
        await using var session = await new WebExecutor().OpenSessionAsync(run.Context, CancellationToken.None);
        await session.ExecuteStepAsync(new StepContext(run.Context, steps[0]), CancellationToken.None);

        Assert.Equal($"step #2 click: 12 elements match 'td'; make the selector match one {page}", await FailureAsync(steps[1]));
        Assert.Equal(
            $"step #3 click: 'text=Pay all' was found but Playwright was still waiting: element is not enabled (waited 2.0s) {page}",
            await FailureAsync(steps[2]));
        Assert.Equal(
            $"step #4 assertVisible: expected '#export' to be hidden within 500ms but it is visible {page}",
            await FailureAsync(steps[3]));

        Assert.Equal(
            $"step #5 assertText: expected '#welcome' to contain \"Welcome, demo\" but it reads \"Not signed in\" {page}",
            await FailureAsync(steps[4]));

        await session.ExecuteStepAsync(new StepContext(run.Context, steps[5]), CancellationToken.None);
        Assert.Equal(
            $"step #7 fill: no element matches '#iban' in frame '#payment' (waited 500ms) {page}",
            await FailureAsync(steps[6]));
        Assert.Equal($"step #8 waitFor: the address did not match '**/settings' within 500ms {page}", await FailureAsync(steps[7]));

        await session.ExecuteStepAsync(new StepContext(run.Context, steps[8]), CancellationToken.None);
        Assert.Equal($"step #10 download: clicking '#help' started no download within 1.0s {page}", await FailureAsync(steps[9]));
        Assert.Equal($"step #11 tab: clicking '#export' opened no tab within 1.0s {page}", await FailureAsync(steps[10]));

        async Task<string> FailureAsync(Vibe.Domain.Robots.RobotStep step)
        {
            var error = await Assert.ThrowsAsync<StepFailedException>(
                async () => await session.ExecuteStepAsync(new StepContext(run.Context, step), CancellationToken.None));
            return error.Message;
        }
    }
}
