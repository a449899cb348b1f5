using System.IO.Compression;
using System.Text;
using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FailureEvidenceTests
{
    private readonly WebRobotHarness _harness;

    public FailureEvidenceTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task A_missing_element_fails_the_step_with_screenshot_and_trace_and_names_step_selector_and_page()
    {
        var run = _harness.Start(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}login.html" },
                { "action": "fill", "selector": "#password", "value": "${env:SHOP_PASSWORD}" },
                { "action": "click", "selector": "#export-pdf", "name": "Export as PDF", "timeout": "1s" }
              ]
            }
            """,
            environment => environment["SHOP_PASSWORD"] = "s3cret-Passw0rd");

        var result = await run.Completion;

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(2, result.FailedStepIndex);
        Assert.Equal(
            $"step #3 click (Export as PDF): no element matches '#export-pdf' (waited 1.0s) (page 'Sign in - Vibe Sample Shop' at {_harness.Site.Url("login.html")})",
            result.Error);

        Assert.Equal(Path.Combine(run.EvidenceFolder, "screenshot.png"), result.Evidence.ScreenshotPath);
        Assert.True(new FileInfo(result.Evidence.ScreenshotPath!).Length > 1000);
        var trace = Path.Combine(run.EvidenceFolder, "trace.zip");
        Assert.Contains(trace, result.Evidence.Files);

        using var archive = ZipFile.OpenRead(trace);
        Assert.Contains(archive.Entries, entry => entry.FullName.EndsWith(".trace", StringComparison.Ordinal));
        var traceText = ReadTextEntries(archive);
        Assert.Contains("#export-pdf", traceText, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Passw0rd", traceText, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Passw0rd", await File.ReadAllTextAsync(Path.Combine(run.EvidenceFolder, "page.html")), StringComparison.Ordinal);

        Assert.Equal(0, await ChromiumProcesses.CountAfterEndAsync(run.ProcessMarker));
    }

    [Fact]
    public async Task A_secret_put_into_a_field_that_shows_its_text_is_painted_over_in_the_screenshot_and_kept_out_of_the_trace_pictures()
    {
        // The same robot twice: once filling the user-name field (a plain text field) with a secret, once with a plain value.
        const string Robot = """
            {
              "steps": [
                { "action": "goto", "url": "{site}login.html" },
                { "action": "fill", "selector": "#username", "value": "${env:SHOP_USER}" },
                { "action": "click", "selector": "#export-pdf", "timeout": "1s" }
              ]
            }
            """;
        var secret = await _harness.RunAsync(Robot, environment => environment["SHOP_USER"] = "api-token-5d41402abc4b");
        var plain = await _harness.RunAsync(Robot.Replace("${env:SHOP_USER}", "demo", StringComparison.Ordinal));

        Assert.Equal(RunStatus.Failed, secret.Status);
        Assert.Equal(RunStatus.Failed, plain.Status);

        // Playwright paints a masked element magenta; the plain run shows no magenta at all, so the paint is the mask.
        Assert.True(await PicturePixels.CountAsync(secret.Evidence.ScreenshotPath!, PicturePixels.Magenta) > 1000, "the field holding the secret is painted over");
        Assert.Equal(0, await PicturePixels.CountAsync(plain.Evidence.ScreenshotPath!, PicturePixels.Magenta));

        // The trace's pictures cannot be masked: they are dropped when a secret showed, kept otherwise.
        Assert.Equal(0, PictureEntries(secret.Evidence.Files.Single(file => file.EndsWith("trace.zip", StringComparison.Ordinal))));
        Assert.True(PictureEntries(plain.Evidence.Files.Single(file => file.EndsWith("trace.zip", StringComparison.Ordinal))) > 0, "a trace without secrets keeps its screencast");
    }

    [Fact]
    public async Task After_a_step_is_cancelled_by_a_timeout_the_hung_page_is_still_captured_then_the_browser_closes()
    {
        var run = _harness.Prepare("""{ "steps": [ { "action": "goto", "url": "{site}dashboard.html" }, { "action": "waitFor", "selector": "#never", "timeout": "60s" } ] }""");
        var robot = run.Context.Robot;
        var session = await new WebExecutor().OpenSessionAsync(run.Context, CancellationToken.None);
        try
        {
            await session.ExecuteStepAsync(new StepContext(run.Context, robot.Steps[0]), CancellationToken.None);

            // The robot's timeout, as the runner applies it: the step's token is cancelled while it waits.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                async () => await session.ExecuteStepAsync(new StepContext(run.Context, robot.Steps[1]), timeout.Token));

            var evidence = await session.CaptureFailureEvidenceAsync(run.EvidenceFolder, CancellationToken.None);
            Assert.True(File.Exists(evidence.ScreenshotPath), run.Log.Text);
            Assert.Contains(Path.Combine(run.EvidenceFolder, "trace.zip"), evidence.Files);
        }
        finally
        {
            await session.DisposeAsync();
        }

        Assert.Equal(0, await ChromiumProcesses.CountAfterEndAsync(run.ProcessMarker));
    }

    private static int PictureEntries(string tracePath)
    {
        using var archive = ZipFile.OpenRead(tracePath);
        return archive.Entries.Count(entry =>
        {
            using var stream = entry.Open();
            var head = new byte[3];
            return stream.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
        });
    }

    private static string ReadTextEntries(ZipArchive archive)
    {
        var text = new StringBuilder();
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
