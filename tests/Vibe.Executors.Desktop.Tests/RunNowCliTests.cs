using System.Text.Json;
using Vibe.Executors.Desktop.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>
/// A desktop robot run as a user runs it: the real `vibe run-now` process on SQLite, against Mousepad (GTK 3) on the
/// test desktop, then `vibe status --json`. The program the run launched is gone when the CLI returns; on failure the
/// evidence shows it still open (taken before the clean-up).
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class RunNowCliTests(DesktopFixture desktop)
{
    [LinuxFact]
    public async Task A_desktop_robot_run_by_vibe_run_now_succeeds_and_leaves_no_program_behind()
    {
        using var workspace = new TempWorkspace();
        var document = Document(workspace, "hello from run-now");
        workspace.WriteRobotList(Robot("mousepad-check", document, "hello from run-now"));

        var run = await VibeProcess.RunAsync(workspace.Directory, Environment(workspace), "run-now", "mousepad-check");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Succeeded", await StatusAsync(workspace));
        Assert.Empty(ProcessesMentioning(document));
    }

    [LinuxFact]
    public async Task A_failing_desktop_robot_exits_non_zero_with_evidence_taken_while_its_program_was_open_then_closes_it()
    {
        using var workspace = new TempWorkspace();
        var document = Document(workspace, "what the file says");
        workspace.WriteRobotList(Robot("mousepad-wrong", document, "what the robot expects"));

        var run = await VibeProcess.RunAsync(workspace.Directory, Environment(workspace), "run-now", "mousepad-wrong");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Equal("Failed", await StatusAsync(workspace));
        var runFolder = Path.Combine(workspace.DataDirectory, "runs", "1");
        var screen = Evidence(runFolder, "screen.png");
        var tree = Evidence(runFolder, "element-tree.txt");
        var failure = Evidence(runFolder, "failure.txt");
        Assert.True(new FileInfo(screen).Length > 0);

        // Taken while Mousepad was still open: its window and the text the check read are in the tree.
        Assert.Contains("vibe-run-now.txt", await File.ReadAllTextAsync(tree), StringComparison.Ordinal);
        Assert.Contains("what the robot expects", await File.ReadAllTextAsync(failure), StringComparison.Ordinal);

        // ... and closed once the evidence was taken.
        Assert.Empty(ProcessesMentioning(document));
    }

    private Dictionary<string, string> Environment(TempWorkspace workspace) => new()
    {
        ["DISPLAY"] = desktop.Display,
        ["DBUS_SESSION_BUS_ADDRESS"] = desktop.BusAddress,
        ["XDG_CONFIG_HOME"] = Directory.CreateDirectory(workspace.PathOf("home/config")).FullName,
        ["XDG_DATA_HOME"] = Directory.CreateDirectory(workspace.PathOf("home/data")).FullName,
        ["XDG_CACHE_HOME"] = Directory.CreateDirectory(workspace.PathOf("home/cache")).FullName,
    };

    /// <summary>A text file with a name no other test uses, so its editor is found by its command line.</summary>
    private static string Document(TempWorkspace workspace, string text)
    {
        var path = workspace.PathOf("vibe-run-now.txt");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Robot(string name, string document, string expected) => $$"""
        {
          "name": "{{name}}",
          "executor": "desktop",
          "desktop": { "timeout": "3s" },
          "steps": [
            { "action": "launch", "program": "mousepad", "args": ["{{document}}"] },
            { "action": "waitWindow", "window": "window[process=mousepad][title*='vibe-run-now']", "timeout": "30s" },
            { "action": "assertText", "selector": "edit", "text": "{{expected}}" }
          ]
        }
        """;

    private static async Task<string?> StatusAsync(TempWorkspace workspace)
    {
        var status = await VibeProcess.RunAsync(workspace.Directory, "status", "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        return Assert.Single(JsonDocument.Parse(status.Output).RootElement.EnumerateArray()).GetProperty("status").GetString();
    }

    private static string Evidence(string runFolder, string name) =>
        Directory.EnumerateFiles(runFolder, name, SearchOption.AllDirectories).FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"no {name} under {runFolder}: {string.Join(", ", Directory.EnumerateFiles(runFolder, "*", SearchOption.AllDirectories))}");

    /// <summary>Live processes whose command line mentions the text (zombies, which the container never reaps, left out).</summary>
    private static List<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var state = File.ReadAllText(Path.Combine(folder, "stat")).Split(") ")[^1][0];
                if (state is not ('Z' or 'X') && File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(text, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
