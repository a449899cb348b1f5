using Vibe.Application.Executors;
using Vibe.Application.Executors.SharedActions;
using Vibe.Domain.Runs;
using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BrowserSelectionTests
{
    private const string OneStep = """{ "steps": [ { "action": "goto", "url": "{site}login.html" } ] }""";
    private readonly WebRobotHarness _harness;

    public BrowserSelectionTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task Auto_mode_falls_back_to_the_system_chromium_and_says_which_browser_it_started()
    {
        var before = TemporaryFolders();
        var run = _harness.Start(
            """{ "web": { "browser": "auto", "viewport": "800x600", "locale": "fr-FR", "timeZone": "Asia/Tokyo" }, "steps": [ { "action": "goto", "url": "{site}login.html" }, { "action": "evaluate", "expression": "[innerWidth, navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone].join(' ')", "variable": "env" } ] }""");

        await run.SucceedsAsync();
        Assert.Contains("browser: /usr/bin/chromium", run.Log.Text, StringComparison.Ordinal);
        Assert.Equal("800 fr-FR Asia/Tokyo", run.Variable("env"));

        // Neither the browsers auto mode skipped nor the trace it recorded leave temporary folders behind.
        Assert.Empty(TemporaryFolders().Except(before));
    }

    private static HashSet<string> TemporaryFolders() =>
        Directory.EnumerateDirectories(Path.GetTempPath())
            .Where(folder => Path.GetFileName(folder).StartsWith("playwright", StringComparison.Ordinal)
                || Path.GetFileName(folder).StartsWith("vibe-web-traces-", StringComparison.Ordinal))
            .ToHashSet();

    [Fact]
    public async Task A_browser_path_that_does_not_exist_ends_the_run_session_unavailable_in_one_line()
    {
        var result = await _harness.RunAsync(OneStep, environment => environment["VIBE_WEB_BROWSER"] = "/opt/nowhere/chrome");

        Assert.Equal(RunStatus.SessionUnavailable, result.Status);
        Assert.DoesNotContain('\n', result.Error!);
        Assert.Contains("/opt/nowhere/chrome: not installed", result.Error, StringComparison.Ordinal);
        Assert.Contains("(from VIBE_WEB_BROWSER)", result.Error, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headed_browser_without_a_display_ends_the_run_session_unavailable()
    {
        var result = await _harness.RunAsync("""{ "web": { "headless": false }, "steps": [ { "action": "goto", "url": "about:blank" } ] }""");

        Assert.Equal(RunStatus.SessionUnavailable, result.Status);
        Assert.Contains("no display", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_web_setting_fails_the_run_naming_the_robot_and_the_key()
    {
        var result = await _harness.RunAsync("""{ "name": "typo", "web": { "headles": true, "viewport": "wide" }, "steps": [ { "action": "goto", "url": "about:blank" } ] }""");

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Contains("robot 'typo': web.headles is not a web setting", result.Error, StringComparison.Ordinal);
        Assert.Contains("web.viewport 'wide' must be WIDTHxHEIGHT", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_validation_knows_every_web_action_and_its_required_parameters()
    {
        var registry = new ExecutorRegistry([new WebExecutor()], [new WaitAction(), new LogAction(), new SetAction()]);

        Assert.Equal(["selector"], registry.Describe("web", "click")!.RequiredParameters);
        Assert.Equal(["selector", "value"], registry.Describe("web", "fill")!.RequiredParameters);
        Assert.Equal(["selector", "variable"], registry.Describe("web", "extract")!.RequiredParameters);
        Assert.Equal(["url"], registry.Describe("web", "goto")!.RequiredParameters);
        Assert.NotNull(registry.Describe("web", "waitFor"));
        Assert.Null(registry.Describe("web", "waitfor")); // action names are case-sensitive, as the dispatch is
        Assert.Null(registry.Describe("web", "clickk"));
        string[] expected =
        [
            "goto", "click", "dblclick", "fill", "type", "press", "select", "check", "uncheck", "hover", "upload", "download",
            "waitFor", "assertText", "assertVisible", "extract", "screenshot", "frame", "tab", "evaluate",
        ];
        Assert.Equal(expected.Order(), new WebExecutor().Actions.Select(action => action.Name).Order());
    }
}
