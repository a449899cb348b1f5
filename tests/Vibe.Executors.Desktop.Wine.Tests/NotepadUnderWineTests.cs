using System.Globalization;
using System.Text.RegularExpressions;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;
using Vibe.TestSupport;
using Xunit.Abstractions;
using static Vibe.Executors.Desktop.Wine.Tests.Robot;

namespace Vibe.Executors.Desktop.Wine.Tests;

/// <summary>
/// The Windows desktop backend run for real: vibe.exe (win-x64) under Wine + Xvfb drives Wine's Notepad through
/// `vibe run-now`, as an operator's robot would on Windows. UI Automation is missing under Wine 8, so elements are
/// reached through the win32: framework (window messages), which is what classic Win32 dialogs need anyway.
/// </summary>
[Collection(WineCollection.Name)]
public sealed partial class NotepadUnderWineTests(WineDesktop wine, ITestOutputHelper output) : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [WineFact]
    public async Task Help_prints_the_usage_and_validate_accepts_an_IANA_time_zone_without_ICU()
    {
        var help = await wine.VibeAsync(_workspace.Directory, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("Usage: vibe", help.Output, StringComparison.Ordinal);

        _workspace.WriteRobots("""
            { "robots": [ { "name": "paris", "executor": "desktop", "schedule": { "cron": "0 30 7 ? * MON-FRI", "timeZone": "Europe/Paris" },
                            "steps": [ { "action": "launch", "program": "notepad.exe" } ] } ] }
            """);
        var validate = await wine.VibeAsync(_workspace.Directory, "validate");

        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [WineFact]
    public async Task A_robot_types_Unicode_and_chords_clicks_and_reads_the_text_back_by_win32_element()
    {
        _workspace.WriteRobotList(DesktopRobot("typing",
            LaunchNotepad(),
            WaitNotepad(),
            Step("focus"),
            Step("typeKeys", ("text", "first draft")),
            Step("hotkey", ("keys", "ctrl+a")),
            Step("typeKeys", ("text", "Grüße ✓ 你好 😀")),
            Step("assertText", ("selector", "win32:edit"), ("text", "Grüße ✓ 你好 😀")).Retried(),
            Step("clickAt", ("x", 9), ("y", 53), ("window", "window[title$=\"Notepad\"]")),
            Step("typeKeys", ("text", ">")),
            Step("assertText", ("selector", "win32:edit[class=Edit]"), ("text", ">Grüße ✓ 你好 😀")).Retried(),
            Step("screenshot", ("path", "notepad.png"), ("window", "window[title$=\"Notepad\"]")),
            Step("setText", ("selector", "win32:edit"), ("text", "replaced with WM_SETTEXT")),
            Step("readText", ("selector", "win32:edit"), ("variable", "text")),
            Step("assertText", ("selector", "win32:edit"), ("text", "${text}")),
            Step("close", ("timeout", "3s"))));

        var run = await RunNowAsync("typing");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"session check: windows desktop 1280x800 \(session=\d+", Log(run));
        Assert.Contains("keep-alive: on while the robot runs", Log(run), StringComparison.Ordinal);
        Assert.Contains("keep-alive: off", Log(run), StringComparison.Ordinal);
        var window = OpenedWindow(Log(run));
        var shot = PngDecoder.Load(RunFile(run, "notepad.png"));
        Assert.Equal((window.Width, window.Height), (shot.Width, shot.Height));
    }

    [WineFact]
    public async Task findImage_and_clickImage_find_a_template_cut_from_a_screenshot_and_click_it()
    {
        _workspace.WriteRobotList(DesktopRobot("capture",
            LaunchNotepad(), WaitNotepad(), Step("focus"),
            Step("screenshot", ("path", "window.png"), ("window", "window[title$=\"Notepad\"]")),
            Step("close", ("timeout", "3s"))));
        var capture = await RunNowAsync("capture");
        Assert.True(capture.ExitCode == 0, capture.ToString());

        // The menu bar's "File" item, as cut from the window's own picture: clicking its centre opens the File menu.
        var window = PngDecoder.Load(RunFile(capture, "window.png"));
        await PngEncoder.SaveAsync(window.Crop(new ScreenRect(6, 25, 28, 16)), _workspace.PathOf("file-menu.png"), CancellationToken.None);
        _workspace.WriteRobotList(DesktopRobot("images",
            LaunchNotepad(), WaitNotepad(), Step("focus"),
            Step("findImage", ("image", "file-menu.png"), ("variable", "menu")),
            Step("clickImage", ("image", "file-menu.png")),
            Step("waitWindow", ("window", "window[class=\"#32768\"]")),
            Step("hotkey", ("keys", "escape")),
            Step("waitWindow", ("window", "window[class=\"#32768\"]"), ("state", "closed")),
            Step("close", ("window", "window[title$=\"Notepad\"]"), ("timeout", "3s"))));

        var run = await RunNowAsync("images");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"found image file-menu\.png at \(\d+, \d+\)", Log(run));
    }

    [WineFact]
    public async Task waitWindow_takes_the_Notepad_the_run_launched_when_an_older_one_is_open()
    {
        using var older = wine.StartProgram("notepad.exe");
        try
        {
            _workspace.WriteRobotList(DesktopRobot("newest",
                WaitNotepad(),
                LaunchNotepad(),
                WaitNotepad(),
                Step("close", ("timeout", "3s"))));

            var run = await RunNowAsync("newest");

            Assert.True(run.ExitCode == 0, run.ToString());
            var launched = LaunchedPid().Match(Log(run));
            Assert.True(launched.Success, run.ToString());
            var opened = OpenedWindowLine().Matches(Log(run)).Select(match => match.Groups["pid"].Value).ToList();
            Assert.Equal(2, opened.Count);
            Assert.Equal(launched.Groups["pid"].Value, opened[1]);
        }
        finally
        {
            older.Kill(entireProcessTree: true);
            await wine.KillAsync("notepad.exe");
        }
    }

    [WineFact]
    public async Task close_ends_a_Notepad_that_keeps_asking_to_save_and_reports_it()
    {
        _workspace.WriteRobotList(DesktopRobot("kill",
            LaunchNotepad(), WaitNotepad(), Step("focus"),
            Step("typeKeys", ("text", "unsaved text")),
            Step("assertText", ("selector", "win32:edit"), ("text", "unsaved text")).Retried(),
            Step("close", ("timeout", "2s")),
            Step("waitWindow", ("window", "window[title$=\"Notepad\"]"), ("state", "closed"), ("timeout", "10s"))));

        var run = await RunNowAsync("kill");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The wording of the kill warning: "…; ending process N" (9439b3a) or "…, so its process N was ended: …".
        Assert.Matches(@"did not close within 2\.0s(; ending process \d+|, so its process \d+ was ended)", Log(run));
    }

    [WineFact]
    public async Task A_Win32_dialog_button_is_clicked_by_element()
    {
        _workspace.WriteRobotList(DesktopRobot("dialog",
            LaunchNotepad(), WaitNotepad(), Step("focus"),
            Step("typeKeys", ("text", "text nobody saves")),
            Step("assertText", ("selector", "win32:edit"), ("text", "text nobody saves")).Retried(),
            Step("hotkey", ("keys", "alt+f4")),
            Step("attach", ("window", "window[class=\"#32770\"]")),
            Step("waitElement", ("selector", "win32:button[name=\"No\"]")),
            Step("click", ("selector", "win32:button[name=\"No\"]")),
            Step("waitWindow", ("window", "window[title$=\"Notepad\"]"), ("state", "closed"), ("timeout", "10s"))));

        var run = await RunNowAsync("dialog");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("did not close within", Log(run), StringComparison.Ordinal);
    }

    [WineFact]
    public async Task A_failed_step_says_UI_Automation_is_missing_and_failure_txt_names_every_file_written()
    {
        _workspace.WriteRobotList(DesktopRobot("fails",
            LaunchNotepad(), WaitNotepad(), Step("focus"),
            Step("readText", ("selector", "edit"), ("variable", "text"), ("timeout", "2s"))));
        try
        {
            var run = await RunNowAsync("fails");

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("UI Automation is not installed on this machine", Log(run), StringComparison.Ordinal);
            var evidence = Path.Combine(RunFolder(run), "evidence");
            var failure = File.ReadAllText(Path.Combine(evidence, "failure.txt"));
            output.WriteLine(failure);
            var screen = PngDecoder.Load(Path.Combine(evidence, "screen.png"));
            Assert.Equal((1280, 800), (screen.Width, screen.Height));
            Assert.Matches(@"(?m)^Screenshot: .*screen\.png\r?$", failure);
            foreach (var file in Directory.GetFiles(evidence).Select(Path.GetFileName).Where(name => !name!.StartsWith("failure.", StringComparison.Ordinal)))
            {
                Assert.Contains(file!, failure, StringComparison.Ordinal);
            }
        }
        finally
        {
            await wine.KillAsync("notepad.exe");
        }
    }

    public void Dispose() => _workspace.Dispose();

    private async Task<CliResult> RunNowAsync(string robot)
    {
        output.WriteLine(wine.PublishNote);
        var run = await wine.VibeAsync(_workspace.Directory, "run-now", robot);
        output.WriteLine(run.ToString());
        return run;
    }

    // Warnings and errors go to stderr, the rest of the run log to stdout.
    private static string Log(CliResult run) => run.Output + run.Error;

    private string RunFolder(CliResult run)
    {
        var id = RunId().Match(run.Output);
        Assert.True(id.Success, run.ToString());
        return Path.Combine(_workspace.DataDirectory, "runs", id.Groups["id"].Value);
    }

    private string RunFile(CliResult run, string name) => Path.Combine(RunFolder(run), name);

    private static (int Width, int Height) OpenedWindow(string log)
    {
        var match = OpenedWindowLine().Match(log);
        Assert.True(match.Success, log);
        return (int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^run (?<id>\d+): ", RegexOptions.Multiline)]
    private static partial Regex RunId();

    [GeneratedRegex(@"started notepad\.exe \(pid (?<pid>\d+)\)")]
    private static partial Regex LaunchedPid();

    [GeneratedRegex(@"window ""[^""]*Notepad"" \(pid (?<pid>\d+) [^,]*, class [^,]*, -?\d+,-?\d+ (?<w>\d+)x(?<h>\d+)\) is open")]
    private static partial Regex OpenedWindowLine();
}
