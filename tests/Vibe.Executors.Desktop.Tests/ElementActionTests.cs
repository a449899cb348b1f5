using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Imaging;
using Vibe.Executors.Desktop.Inspect;
using Vibe.Executors.Desktop.Tests.Support;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>Element actions through AT-SPI on real GTK applications (zenity, a small GTK form).</summary>
[Collection(DesktopCollection.Name)]
public sealed class ElementActionTests(DesktopFixture desktop) : IDisposable
{
    private readonly RobotHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [LinuxFact]
    public async Task A_robot_fills_a_zenity_entry_and_presses_OK()
    {
        var zenity = desktop.Start("zenity", ["--entry", "--title=Vibe entry", "--text=Your name?"]);
        var output = zenity.StandardOutput.ReadToEndAsync();
        var robot = _harness.Robot("""
            {
              "steps": [
                { "action": "attach", "window": "window[process=zenity][title='Vibe entry']" },
                { "action": "setText", "selector": "edit", "text": "Ada Lovelace" },
                { "action": "readText", "selector": "window[title='Vibe entry'] >> edit", "variable": "typed" },
                { "action": "assertText", "selector": "text[name^='Your']", "text": "Your name?" },
                { "action": "click", "selector": "button[name=OK]" }
              ]
            }
            """);

        var run = await _harness.RunAsync(robot);

        Assert.True(run.Result.Status == RunStatus.Succeeded, run.Result.Error + "\n" + run.Log.Text);
        Assert.Equal("Ada Lovelace", run.Variable("typed"));
        Assert.True(zenity.WaitForExit(10_000), "zenity did not close after OK");
        Assert.Equal("Ada Lovelace", (await output).Trim());
        Assert.Contains(run.Log.Lines, line => line.StartsWith("session check: x11 desktop 1280x800", StringComparison.Ordinal));
    }

    [LinuxFact]
    public async Task A_robot_toggles_selects_waits_for_enabled_and_submits_a_GTK_form()
    {
        var result = Path.Combine(_harness.DataFolder, "form.txt");
        var robot = _harness.Robot($$"""
            {
              "steps": [
                { "action": "launch", "program": "{{desktop.Python}}", "args": ["{{AppPath("gtk_form.py")}}", "{{result}}"], "variable": "pid" },
                { "action": "waitElement", "selector": "button[name=Submit]", "state": "disabled" },
                { "action": "type", "selector": "edit[id=customer]", "text": "Grace" },
                { "action": "waitElement", "selector": "button[name=Submit]", "state": "enabled", "timeout": "5s" },
                { "action": "toggle", "selector": "checkbox[name='Send invoice']", "state": true },
                { "action": "toggle", "selector": "checkbox[name='Send invoice']", "state": true },
                { "action": "select", "selector": "combobox[name=Colour]", "item": "Blue" },
                { "action": "click", "selector": "button[name=Submit]", "mode": "mouse" },
                { "action": "assertText", "selector": "text[name=submitted]", "text": "submitted" },
                { "action": "close" }
              ]
            }
            """);

        var run = await _harness.RunAsync(robot);

        Assert.True(run.Result.Status == RunStatus.Succeeded, run.Result.Error + "\n" + run.Log.Text);
        Assert.Equal("Grace|True|Blue", File.ReadAllText(result).Trim());
        Assert.Contains(run.Log.Lines, line => line.Contains("is already on", StringComparison.Ordinal));
        Assert.Contains(run.Log.Lines, line => line.StartsWith("step #10 close", StringComparison.Ordinal) && line.Contains("succeeded", StringComparison.Ordinal));
        Assert.True(ExitsSoon(int.Parse(run.Variable("pid")!, System.Globalization.CultureInfo.InvariantCulture)), "the form's process should end once its window is closed");
    }

    [LinuxFact]
    public async Task A_missing_element_fails_the_step_and_leaves_a_screenshot_and_the_element_tree()
    {
        var zenity = desktop.Start("zenity", ["--entry", "--title=Evidence entry", "--text=Anything"]);
        try
        {
            var robot = _harness.Robot("""
                {
                  "desktop": { "timeout": "1s" },
                  "steps": [
                    { "action": "attach", "window": "window[title='Evidence entry']" },
                    { "action": "click", "selector": "button[name='Nope']", "name": "press the missing button" }
                  ]
                }
                """);

            var run = await _harness.RunAsync(robot);

            Assert.Equal(RunStatus.Failed, run.Result.Status);
            Assert.StartsWith("step #2 click (press the missing button): no element matches button[name=\"Nope\"] in window \"Evidence entry\"", run.Result.Error, StringComparison.Ordinal);
            var evidence = run.Result.EvidenceFolder!;
            var screen = PngDecoder.Load(run.Result.Evidence.ScreenshotPath!);
            Assert.Equal((1280, 800), (screen.Width, screen.Height));
            var tree = File.ReadAllText(Path.Combine(evidence, "element-tree.txt"));
            Assert.Contains("the failed step looked for: button[name=\"Nope\"]", tree, StringComparison.Ordinal);
            Assert.Contains("=> window[title=\"Evidence entry\"] >> button[name=\"OK\"]", tree, StringComparison.Ordinal);
            Assert.Contains("Evidence entry", File.ReadAllText(Path.Combine(evidence, "windows.txt")), StringComparison.Ordinal);
        }
        finally
        {
            DesktopFixture.Stop(zenity);
        }
    }

    [LinuxFact]
    public async Task Inspect_prints_the_element_tree_with_selectors_that_find_each_element()
    {
        var zenity = desktop.Start("zenity", ["--entry", "--title=Inspect me", "--text=Label text"]);
        try
        {
            var inspector = _harness.Get<IDesktopInspector>();
            string text = "";
            for (var i = 0; i < 50 && !text.Contains("button", StringComparison.Ordinal); i++)
            {
                text = await inspector.DescribeAsync("window[title='Inspect me']", 20, CancellationToken.None);
                await Task.Delay(100);
            }

            Assert.Contains("=> window[title=\"Inspect me\"] >> edit", text, StringComparison.Ordinal);
            Assert.Contains("=> window[title=\"Inspect me\"] >> button[name=\"Cancel\"]", text, StringComparison.Ordinal);
            Assert.Contains("=> window[title=\"Inspect me\"] >> text[name=\"Label text\"]", text, StringComparison.Ordinal);

            var windows = await inspector.DescribeAsync(null, 0, CancellationToken.None);
            Assert.Contains("window[title=\"Inspect me\"]", windows, StringComparison.Ordinal);
        }
        finally
        {
            DesktopFixture.Stop(zenity);
        }
    }

    [LinuxFact]
    public async Task A_secret_typed_into_a_field_is_painted_over_in_the_failure_screenshot()
    {
        using var harness = new RobotHarness(new Dictionary<string, string> { ["FORM_TOKEN"] = "tok-3141592653" });
        var robot = harness.Robot($$"""
            {
              "desktop": { "timeout": "1s" },
              "steps": [
                { "action": "launch", "program": "{{desktop.Python}}", "args": ["{{AppPath("gtk_form.py")}}", "{{Path.Combine(harness.DataFolder, "form.txt")}}"], "variable": "pid" },
                { "action": "type", "selector": "edit[id=customer]", "text": "${env:FORM_TOKEN}" },
                { "action": "click", "selector": "button[name='Nope']" }
              ]
            }
            """);

        // The run closes the form it launched when it ends, after the evidence was taken.
        var run = await harness.RunAsync(robot);
        Assert.True(run.Result.Status == RunStatus.Failed, run.Result.Error + "\n" + run.Log.Text);
        Assert.True(run.Result.Evidence.ScreenshotPath is not null, run.Log.Text);
        var screen = PngDecoder.Load(run.Result.Evidence.ScreenshotPath);
        var painted = 0;
        for (var i = 0; i < screen.Bgra.Length; i += 4)
        {
            if (screen.Bgra[i] == 255 && screen.Bgra[i + 1] == 0 && screen.Bgra[i + 2] == 255)
            {
                painted++;
            }
        }

        // The entry (a few hundred by a few dozen pixels) is painted over, and only it.
        Assert.True(painted > 2000, $"{painted} pixels painted over\n{run.Log.Text}");
        Assert.True(painted < screen.Width * screen.Height / 10, $"{painted} pixels painted over: more than the field");
    }

    internal static string AppPath(string name) => Path.Combine(AppContext.BaseDirectory, "Apps", name);

    private static bool ExitsSoon(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
