using System.Diagnostics;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>A robot's relative paths start at its own file's folder, wherever vibe is started from.</summary>
public class RobotFolderTests
{
    // An 8x8 RGB PNG: the template image the robot looks for.
    private const string TemplatePng =
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAbElEQVR4nA3JQQEAMAgDMZSgpEqqhOepQAlKqmjLN1VFFypcTLHFFSmqmm7UuJlmm2vSP0QLCYsRK05EP0wbGZsxa87EP4YeNHiYYYcbMj+WXrR4mWWXW7I/jj50+JhjjztyP0IHBYcJGy4kPLAsVIExyOP/AAAAAElFTkSuQmCC";

    [XvfbFact]
    public async Task A_desktop_template_image_is_found_beside_the_robot_file_when_vibe_runs_from_another_folder()
    {
        using var configuration = new TempWorkspace()
            .WriteRobots("""{ "robots": [] }""")
            .WriteFile("robots.d/finder.json", """
                { "name": "finder", "executor": "desktop", "desktop": { "accessibility": false },
                  "steps": [ { "action": "findImage", "image": "img/target.png", "required": false, "variable": "where" } ] }
                """);
        Directory.CreateDirectory(configuration.PathOf("robots.d/img"));
        await File.WriteAllBytesAsync(configuration.PathOf("robots.d/img/target.png"), Convert.FromBase64String(TemplatePng));
        using var elsewhere = new TempWorkspace();
        using var xvfb = Process.Start(new ProcessStartInfo("Xvfb", ["-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            var display = await xvfb.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));

            var result = await VibeProcess.RunAsync(
                elsewhere.Directory,
                new Dictionary<string, string> { ["DISPLAY"] = ":" + display?.Trim() },
                "--config-dir", configuration.Directory, "run-now", "finder");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("image img/target.png is not on the screen", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            xvfb.Kill(entireProcessTree: true);
            await xvfb.WaitForExitAsync();
        }
    }
}

/// <summary>
/// A test that drives an X server of its own (Xvfb): skipped only off Linux. On Linux it runs, so a machine without
/// Xvfb fails it rather than hiding it (scripts/test.sh installs Xvfb).
/// </summary>
public sealed class XvfbFactAttribute : FactAttribute
{
    public XvfbFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "drives an X server (Xvfb): Linux only";
        }
    }
}
