using System.Diagnostics;
using Vibe.TestSupport;

namespace Vibe.Executors.Web.Tests;

/// <summary>
/// Issue 18 (M3): Chromium runs in its sandbox unless vibe runs as root, and the session line says which. As root
/// (the test machines) the unprivileged case runs as a second local account created here.
/// </summary>
[Collection(Harness.BrowserCollection.Name)]
public sealed class SandboxTests
{
    private const string OtherUser = "vibeother";

    private const string Robot = """
        { "name": "sandbox", "executor": "web", "steps": [
          { "action": "goto", "url": "chrome://sandbox" },
          { "action": "extract", "selector": "body", "variable": "status" },
          { "action": "log", "message": "${status}" } ] }
        """;

    [Fact]
    public async Task An_unprivileged_account_gets_a_sandboxed_chromium_and_root_is_told_it_has_none()
    {
        using var workspace = new TempWorkspace().WriteEnv($"VIBE_WEB_BROWSER={Harness.WebRobotHarness.SystemChromium}").WriteRobotList(Robot);
        if (Environment.UserName != "root")
        {
            var mine = await VibeProcess.RunAsync(workspace.Directory, "run-now", "sandbox");
            Assert.True(mine.ExitCode == 0, mine.ToString());
            Assert.Contains(", sandboxed, started in", mine.Output, StringComparison.Ordinal);
            Assert.Contains("You are adequately sandboxed.", mine.Output, StringComparison.Ordinal);
            return;
        }

        var asRoot = await VibeProcess.RunAsync(workspace.Directory, "run-now", "sandbox");
        Assert.True(asRoot.ExitCode == 0, asRoot.ToString());
        Assert.Contains(", sandbox off (vibe runs as root), started in", asRoot.Output, StringComparison.Ordinal);

        await RunAsync("sh", "-c", $"id -u {OtherUser} >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin {OtherUser}");
        using var theirs = new TempWorkspace().WriteEnv($"VIBE_WEB_BROWSER={Harness.WebRobotHarness.SystemChromium}").WriteRobotList(Robot);
        await RunAsync("chown", "-R", OtherUser, theirs.Directory);

        var start = VibeProcess.StartInfo(theirs.Directory, new Dictionary<string, string> { ["HOME"] = theirs.Directory }, ["run-now", "sandbox"]);
        var command = new[] { "-u", OtherUser, "--", start.FileName }.Concat(start.ArgumentList).ToList();
        start.FileName = "runuser";
        start.ArgumentList.Clear();
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        var unprivileged = await RunAsync(start);
        Assert.True(unprivileged.ExitCode == 0, unprivileged.ToString());
        Assert.Contains(", sandboxed, started in", unprivileged.Output, StringComparison.Ordinal);
        Assert.Contains("You are adequately sandboxed.", unprivileged.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Layer 1 Sandbox\tNone", unprivileged.Output, StringComparison.Ordinal);
    }

    private static Task<CliResult> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start);
    }

    private static async Task<CliResult> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }
}
