using Vibe.TestSupport;

namespace Vibe.Executors.Web.Tests;

/// <summary>
/// The sample web robots through the real `vibe` process, in a configuration folder laid out like the repository
/// (robots.d/ beside samples/web/), with the browser found the way a new user's would be (auto).
/// </summary>
[Collection(Harness.BrowserCollection.Name)]
public sealed class CliTests
{
    [Fact]
    public async Task Run_now_web_sample_succeeds_and_status_shows_its_steps()
    {
        using var workspace = SampleWorkspace();

        var run = await VibeProcess.RunAsync(workspace.Directory, "run-now", "web-sample");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Open invoices total: 440.49", run.Output, StringComparison.Ordinal);
        Assert.Contains("run 1 succeeded", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace.DataDirectory, "runs", "1", "invoices.csv")), run.ToString());

        var status = await VibeProcess.RunAsync(workspace.Directory, "status", "1");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("Succeeded", status.Output, StringComparison.Ordinal);
        Assert.Contains("step #1 goto (Open the sign-in page) succeeded", status.Output, StringComparison.Ordinal);
        Assert.Contains("step #7 extract (Read the open total) succeeded", status.Output, StringComparison.Ordinal);
        Assert.Contains("step #9 download (Export the invoices) succeeded", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_now_failing_sample_from_another_folder_exits_1_naming_step_and_selector_with_evidence()
    {
        using var workspace = SampleWorkspace();

        // --config-dir from elsewhere: the robot's relative goto must still start from its own file's folder.
        var run = await VibeProcess.RunAsync(AppContext.BaseDirectory, "--config-dir", workspace.Directory, "run-now", "web-sample-failing");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("step #7 click (Export as PDF): no element matches '#export-pdf'", run.Output + run.Error, StringComparison.Ordinal);
        var evidence = Path.Combine(workspace.DataDirectory, "runs", "1", "evidence");
        Assert.True(File.Exists(Path.Combine(evidence, "screenshot.png")), run.ToString());
        Assert.True(File.Exists(Path.Combine(evidence, "trace.zip")), run.ToString());
    }

    private static TempWorkspace SampleWorkspace()
    {
        var workspace = new TempWorkspace();
        foreach (var robot in new[] { "web-sample.json", "web-sample-failing.json" })
        {
            workspace.WriteFile(Path.Combine("robots.d", robot), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "robots.d", robot)));
        }

        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "web");
        foreach (var page in Directory.GetFiles(samples))
        {
            workspace.WriteFile(Path.Combine("samples", "web", Path.GetFileName(page)), File.ReadAllText(page));
        }

        return workspace;
    }
}
