using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;
using Vibe.Executors.Desktop.Tests.Support;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>
/// Coordinates, keyboard and image matching against a Tk window: Tk has no AT-SPI bridge, so these actions are
/// all a robot has there. The window reports what it received into a file.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class InputAndImageTests(DesktopFixture desktop) : IDisposable
{
    // The Tk window sits at +200+150; its canvas has a navy and orange target square at 250..330 x 40..120.
    private const int TargetCenterX = 200 + 290;
    private const int TargetCenterY = 150 + 80;

    private readonly RobotHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [LinuxFact]
    public async Task A_robot_launches_a_Tk_window_clicks_at_its_coordinates_and_types_characters_missing_from_the_keymap()
    {
        var events = Path.Combine(_harness.DataFolder, "tk-events.txt");
        var robot = _harness.Robot($$"""
            {
              "steps": [
                { "action": "launch", "program": "{{desktop.Python}}", "args": ["{{ElementActionTests.AppPath("tk_target.py")}}", "{{events}}"] },
                { "action": "focus", "name": "the launched process's window (Tk sets no _NET_WM_PID: found through X-Resource)" },
                { "action": "clickAt", "x": 40, "y": 30, "window": "current" },
                { "action": "clickAt", "x": 60, "y": 50, "window": "current", "clicks": 2 },
                { "action": "clickAt", "x": 70, "y": 55, "window": "current", "button": "right" },
                { "action": "scroll", "amount": 2, "x": 100, "y": 100, "window": "current" },
                { "action": "scroll", "amount": -1 },
                { "action": "clickAt", "x": 210, "y": 220, "window": "current" },
                { "action": "typeKeys", "text": "Grüße, 5€ ✓ 日本 ok" },
                { "action": "hotkey", "keys": "ctrl+a" },
                { "action": "hotkey", "keys": "enter" },
                { "action": "close" }
              ]
            }
            """);

        var run = await _harness.RunAsync(robot);

        Assert.True(run.Result.Status == RunStatus.Succeeded, run.Result.Error + "\n" + run.Log.Text);
        var lines = File.ReadAllLines(events);
        Assert.True(lines.Contains("text Grüße, 5€ ✓ 日本 ok"), string.Join('\n', lines) + "\n" + run.Log.Text);
        Assert.Contains("click 40 30", lines);
        Assert.Contains("double 60 50", lines);
        Assert.Contains("right 70 55", lines);
        Assert.Equal(["wheel down", "wheel down", "wheel up"], lines.Where(line => line.StartsWith("wheel", StringComparison.Ordinal)));
        Assert.Contains("ctrl+a", lines);
        Assert.Contains("text Grüße, 5€ ✓ 日本 ok", lines);
    }

    [LinuxFact]
    public async Task A_robot_finds_and_clicks_an_image_cut_from_its_own_screenshot()
    {
        var events = Path.Combine(_harness.DataFolder, "tk-events.txt");
        var app = desktop.Start(desktop.Python, [ElementActionTests.AppPath("tk_target.py"), events]);
        try
        {
            await WaitForLineAsync(events, "ready");
            var shot = _harness.Robot("""
                { "steps": [ { "action": "screenshot", "path": "shots/full.png", "variable": "shot" } ] }
                """);
            var first = await _harness.RunAsync(shot, runId: 1);
            Assert.True(first.Result.Status == RunStatus.Succeeded, first.Result.Error);

            // The template is cut from the saved PNG, so it also proves the PNG round trip is pixel-exact.
            var screen = PngDecoder.Load(first.Variable("shot")!);
            var template = screen.Crop(new ScreenRect(TargetCenterX - 30, TargetCenterY - 30, 60, 60));
            var templatePath = Path.Combine(_harness.DataFolder, "target.png");
            await PngEncoder.SaveAsync(template, templatePath, CancellationToken.None);

            var robot = _harness.Robot("""
                {
                  "steps": [
                    { "action": "findImage", "image": "target.png", "variable": "target" },
                    { "action": "clickImage", "image": "target.png", "confidence": 0.95 },
                    { "action": "findImage", "image": "target.png", "region": "0,0,300,300", "required": false, "variable": "elsewhere" }
                  ]
                }
                """);
            var run = await _harness.RunAsync(robot, runId: 2);

            Assert.True(run.Result.Status == RunStatus.Succeeded, run.Result.Error + "\n" + run.Log.Text);
            Assert.Equal($"{TargetCenterX},{TargetCenterY}", run.Variable("target"));
            Assert.Equal("", run.Variable("elsewhere"));
            await WaitForLineAsync(events, "click 290 80");
        }
        finally
        {
            DesktopFixture.Stop(app);
        }
    }

    [LinuxFact]
    public async Task An_image_that_is_not_on_the_screen_fails_with_the_best_match_it_saw()
    {
        var blank = new byte[40 * 40 * 4];
        for (var i = 0; i < blank.Length; i += 4)
        {
            (blank[i], blank[i + 1], blank[i + 2], blank[i + 3]) = ((byte)(i % 7 * 30), (byte)(i % 13 * 19), 200, 255);
        }

        await PngEncoder.SaveAsync(new PixelImage(40, 40, blank), Path.Combine(_harness.DataFolder, "absent.png"), CancellationToken.None);
        var robot = _harness.Robot("""
            { "steps": [ { "action": "clickImage", "image": "absent.png", "timeout": "300ms" } ] }
            """);

        var run = await _harness.RunAsync(robot);

        Assert.True(run.Result.Status == RunStatus.Failed, run.Log.Text);
        Assert.Matches(@"^step #1 clickImage: image absent\.png not found on the screen after 300ms \(best match -?[0-9.]+ at \(\d+, \d+\), needs 0\.9\)$", run.Result.Error);
    }

    private static async Task WaitForLineAsync(string path, string line)
    {
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(path) && (await File.ReadAllLinesAsync(path)).Contains(line))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"'{line}' never appeared in {path}: {(File.Exists(path) ? await File.ReadAllTextAsync(path) : "no file")}");
    }
}
