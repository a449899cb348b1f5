using Vibe.Domain.Runs;
using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CancellationTests
{
    private readonly WebRobotHarness _harness;

    public CancellationTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task Cancelling_a_waiting_step_ends_the_run_cancelled_with_no_browser_left()
    {
        using var stop = new CancellationTokenSource();
        var run = _harness.Start(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}dashboard.html" },
                { "action": "waitFor", "selector": "#never", "timeout": "60s" }
              ]
            }
            """,
            stop: stop.Token);

        await run.Log.WaitForLineAsync("step #2 waitFor started").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(ChromiumProcesses.Count(run.ProcessMarker) > 0, "the browser should be running during the step");

        await stop.CancelAsync();
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        // Had the cancellation waited for the 60 s step timeout, the run would have failed, not been cancelled.
        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.Equal("cancelled during step #2 waitFor", result.Error);
        Assert.Equal(0, await ChromiumProcesses.CountAfterEndAsync(run.ProcessMarker));
    }

    [Fact]
    public async Task Cancelling_while_the_browser_starts_leaves_no_browser_behind()
    {
        using var stop = new CancellationTokenSource();
        var run = _harness.Start(
            """{ "steps": [ { "action": "goto", "url": "{site}dashboard.html" } ] }""",
            stop: stop.Token);

        // Cancel as soon as Chromium's process exists, before the session is ready.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ChromiumProcesses.Count(run.ProcessMarker) == 0 && !run.Completion.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.Equal(0, await ChromiumProcesses.CountAfterEndAsync(run.ProcessMarker));
    }
}
