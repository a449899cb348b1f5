using Vibe.Domain.Runs;
using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

/// <summary>The sample robots in robots.d/ against the sample pages in samples/web/, opened from disk as shipped.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SampleRobotTests
{
    private readonly WebRobotHarness _harness;

    public SampleRobotTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task The_web_sample_signs_in_reads_the_total_and_downloads_the_invoices()
    {
        var file = SampleFile("web-sample.json");

        var run = _harness.Start(await File.ReadAllTextAsync(file), sourceFile: file);

        await run.SucceedsAsync();
        Assert.Equal("440.49", run.Variable("openTotal"));
        Assert.Contains("Open invoices total: 440.49", run.Log.Text, StringComparison.Ordinal);
        Assert.Contains("INV-001,Acme Corp,1200.00,Paid", await File.ReadAllTextAsync(run.Variable("invoicesFile")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failing_web_sample_fails_on_its_selector_and_leaves_evidence()
    {
        var file = SampleFile("web-sample-failing.json");

        var run = _harness.Start(await File.ReadAllTextAsync(file), sourceFile: file);
        var result = await run.Completion;

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.StartsWith("step #7 click (Export as PDF): no element matches '#export-pdf'", result.Error, StringComparison.Ordinal);
        Assert.Contains("page 'Dashboard - Vibe Sample Shop' at file://", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.EvidenceFolder, "screenshot.png")));
        Assert.True(File.Exists(Path.Combine(run.EvidenceFolder, "trace.zip")));
    }

    private static string SampleFile(string name) => Path.Combine(AppContext.BaseDirectory, "robots.d", name);
}
