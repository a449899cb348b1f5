using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Vibe.Executors.Desktop.Wine.Tests.Robot;

namespace Vibe.Executors.Desktop.Wine.Tests;

/// <summary>
/// Issue 15's last Windows items under Wine: the win32 framework chosen per robot, a wrapper script's child window
/// counted as the launched program's, a launched program's output kept for the evidence, and the Win32 control tree
/// in inspect and element-tree.txt where UI Automation is missing.
/// </summary>
public sealed partial class NotepadUnderWineTests
{
    [WineFact]
    public async Task A_robot_with_framework_win32_reads_Notepad_by_element_without_a_prefix_and_validate_names_a_bad_framework()
    {
        // Fails on 74134b1: "unknown setting desktop.framework"; the win32 framework could be chosen only by a prefix.
        _workspace.WriteRobotList(DesktopRobotWith("framework", new JsonObject { ["framework"] = "win32" },
            LaunchNotepad(), WaitNotepad(), Step("focus"),
            Step("typeKeys", ("text", "read by the robot's framework")),
            Step("assertText", ("selector", "edit"), ("text", "read by the robot's framework")).Retried(),
            Step("readText", ("selector", "window[title$=\"Notepad\"] >> edit[class=Edit]"), ("variable", "text")),
            Step("assertText", ("selector", "edit"), ("text", "${text}")),

            // Emptied with WM_SETTEXT, Notepad has nothing to save and closes when the run ends.
            Step("setText", ("selector", "edit"), ("text", ""))));

        var run = await RunNowAsync("framework");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"closed program notepad \(pid \d+\) this run launched", Log(run));

        _workspace.WriteRobotList(DesktopRobotWith("misspelt", new JsonObject { ["framework"] = "win64" }, LaunchNotepad()));
        var validate = await wine.VibeAsync(_workspace.Directory, "validate");
        output.WriteLine(validate.ToString());

        Assert.Equal(1, validate.ExitCode);
        var line = Assert.Single(Log(validate).Split('\n'), text => text.Contains("framework", StringComparison.Ordinal));
        Assert.Matches(@"^robots\.json:\d+:\d+: robot 'misspelt' at \$\.robots\[0\]\.desktop\.framework: framework 'win64' is not one of uia, win32", line);
    }

    [WineFact]
    public async Task The_window_of_a_wrapper_scripts_child_is_the_launched_programs_and_the_run_closes_both()
    {
        // Fails on 74134b1: on Windows only the launched process (cmd.exe running the script) counted, so focus found
        // no current window ("process N has shown no window").
        _workspace.WriteFile("note.txt", "opened by the wrapper's child");
        _workspace.WriteFile("wrapper.cmd", "@echo off\r\necho wrapper.cmd is starting Notepad\r\nnotepad.exe \"%~dp0note.txt\"\r\n");
        _workspace.WriteRobotList(DesktopRobot("wrapper",
            Step("launch", ("program", WindowsPath("wrapper.cmd"))),
            Step("focus"),
            Step("assertText", ("selector", "win32:edit"), ("text", "opened by the wrapper's child"))));

        var run = await RunNowAsync("wrapper");

        Assert.True(run.ExitCode == 0, run.ToString());
        var script = Regex.Match(Log(run), @"started Z:\\.*wrapper\.cmd \(pid (?<pid>\d+)\)").Groups["pid"].Value;
        var child = Regex.Match(Log(run), @"focused window ""[^""]*Notepad"" \(pid (?<pid>\d+) notepad").Groups["pid"].Value;
        Assert.True(script.Length > 0 && child.Length > 0 && script != child, run.ToString());
        Assert.Matches($@"closed \d+ programs \(cmd pid {script}, [^)]*notepad pid {child}[^)]*\) this run launched", Log(run));
    }

    [WineFact]
    public async Task A_script_that_prints_and_shows_no_window_leaves_its_output_and_process_tree_in_the_evidence()
    {
        // Fails on 74134b1: the Windows backend threw program output away (no program-output.txt), and the error
        // named the launched pid alone ("process N has shown no window").
        _workspace.WriteFile("quiet.cmd", "@echo off\r\necho quiet.cmd: the line the evidence keeps\r\nping -n 60 127.0.0.1 >nul\r\n");
        _workspace.WriteRobotList(DesktopRobot("quiet",
            Step("launch", ("program", WindowsPath("quiet.cmd"))),
            Step("focus", ("timeout", "4s"))));

        var run = await RunNowAsync("quiet");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches(
            new Regex(@"step #2 focus: cmd \(pid \d+\) and its child processes [^\r\n]*ping \(pid \d+\)[^\r\n]* showed no window in 4\.0s", RegexOptions.IgnoreCase),
            Log(run));
        var evidence = Path.Combine(RunFolder(run), "evidence");
        Assert.Contains("quiet.cmd: the line the evidence keeps", File.ReadAllText(Path.Combine(evidence, "program-output.txt")), StringComparison.Ordinal);
        Assert.Contains("program-output.txt", File.ReadAllText(Path.Combine(evidence, "failure.txt")), StringComparison.Ordinal);

        // The clean-up reached the script's child too: ping would otherwise run on for a minute.
        Assert.Matches(new Regex(@"ended \d+ programs \([^)]*ping pid \d+", RegexOptions.IgnoreCase), Log(run));
    }

    [WineFact]
    public async Task Inspect_and_the_evidence_show_Notepads_Win32_controls_with_selectors_that_work()
    {
        // Fails on 74134b1: without UI Automation, element-tree.txt said "(no element tree: …)" and inspect showed none.
        _workspace.WriteFile("note.txt", "seen by inspect");
        _workspace.WriteRobotList(DesktopRobotWith("misses", new JsonObject { ["closeLaunched"] = false },
            Step("launch", ("program", "notepad.exe"), ("args", new JsonArray(WindowsPath("note.txt")))),
            Step("waitWindow", ("window", "window[title=\"note.txt - Notepad\"]")),
            Step("click", ("selector", "win32:button[name=\"Save\"]"), ("timeout", "2s"))));
        try
        {
            var failed = await RunNowAsync("misses");
            Assert.NotEqual(0, failed.ExitCode);
            var tree = File.ReadAllText(Path.Combine(RunFolder(failed), "evidence", "element-tree.txt"));
            output.WriteLine(tree);
            Assert.Contains("the window's Win32 controls (no UI Automation tree: UI Automation is not installed", tree, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^  edit .*=> window\[title=""note\.txt - Notepad""\] >> win32:edit\r?$", tree);

            var inspect = await wine.VibeAsync(_workspace.Directory, "inspect", "window[title=\"note.txt - Notepad\"]");
            output.WriteLine(inspect.ToString());
            Assert.True(inspect.ExitCode == 0, inspect.ToString());
            var suggested = Regex.Match(inspect.Output, @"(?m)^  edit .*=> (?<selector>.+?)\r?$");
            Assert.True(suggested.Success, inspect.ToString());

            _workspace.WriteRobotList(DesktopRobot("uses-inspect",
                Step("assertText", ("selector", suggested.Groups["selector"].Value), ("text", "seen by inspect"))));
            var run = await RunNowAsync("uses-inspect");

            Assert.True(run.ExitCode == 0, run.ToString());
        }
        finally
        {
            await wine.KillAsync("notepad.exe");
        }
    }

    /// <summary>A file of the workspace as Wine's programs see it (drive Z: is the Linux root).</summary>
    private string WindowsPath(string relative) => "Z:" + _workspace.PathOf(relative).Replace('/', '\\');
}
