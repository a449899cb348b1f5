using Vibe.TestSupport;

namespace Vibe.Executors.Web.Tests;

/// <summary>Issue 18 (L3): a link a step made inside the run folder does not carry a robot's file outside it.</summary>
[Collection(Harness.BrowserCollection.Name)]
public sealed class RunFolderLinkTests
{
    [Fact]
    public async Task A_screenshot_through_a_link_to_another_folder_is_refused_and_written_nowhere()
    {
        using var outside = new TempWorkspace();
        using var workspace = new TempWorkspace()
            .WriteEnv($"VIBE_WEB_BROWSER={Harness.WebRobotHarness.SystemChromium}")
            .WriteFile("page.html", "<!doctype html><title>p</title><p>hello</p>")
            .WriteRobotList($$"""
                { "name": "linker", "executor": "web", "steps": [
                  { "action": "run", "program": "ln", "args": ["-s", "{{outside.Directory}}", "${env:VIBE_RUN_FOLDER_LINK}"] },
                  { "action": "goto", "url": "page.html" },
                  { "action": "screenshot", "file": "inside.png" },
                  { "action": "screenshot", "file": "link/x.png" } ] }
                """);
        var runFolder = Path.Combine(workspace.DataDirectory, "runs", "1");

        var run = await VibeProcess.RunAsync(workspace.Directory, new Dictionary<string, string> { ["VIBE_RUN_FOLDER_LINK"] = Path.Combine(runFolder, "link") }, "run-now", "linker");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("step #4 screenshot: parameter 'file' ('link/x.png') must stay inside the run folder", run.Output + run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(runFolder, "inside.png")), run.ToString());
        Assert.False(File.Exists(Path.Combine(outside.Directory, "x.png")), "the screenshot was written outside the run folder through the link");
    }
}
