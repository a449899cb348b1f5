using System.Text.Json;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Web.Options;
using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

/// <summary>How the robot's "web" block and the VIBE_WEB_* values combine (pure logic: no browser).</summary>
public sealed class WebOptionsReaderTests
{
    [Fact]
    public void Without_settings_the_defaults_apply()
    {
        var options = Read(null, new TestEnvironment());

        Assert.Equal(BrowserKind.Auto, options.Browser.Kind);
        Assert.True(options.Headless);
        Assert.Equal((1280, 800), (options.ViewportWidth, options.ViewportHeight));
        Assert.Equal(TimeSpan.FromSeconds(15), options.ActionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.NavigationTimeout);
        Assert.Null(options.ProfileDirectory);
        Assert.True(options.Trace);
    }

    [Fact]
    public void The_environment_fills_in_what_the_robot_leaves_out_and_the_robot_wins_where_both_speak()
    {
        var environment = new TestEnvironment
        {
            ["VIBE_WEB_BROWSER"] = "msedge",
            ["VIBE_WEB_HEADLESS"] = "false",
            ["VIBE_WEB_VIEWPORT"] = "1024x768",
            ["VIBE_WEB_LOCALE"] = "de-DE",
            ["VIBE_WEB_TIMEZONE"] = "Europe/Berlin",
            ["VIBE_WEB_ARGS"] = "--proxy-server=direct:// --lang=de",
            ["VIBE_WEB_ACTION_TIMEOUT"] = "5s",
            ["VIBE_WEB_NAVIGATION_TIMEOUT"] = "45",
            ["VIBE_WEB_TRACE"] = "false",
        };

        var options = Read("""{ "browser": "/opt/chromium/chrome", "viewport": { "width": 640, "height": 480 }, "args": ["--mute-audio"], "navigationTimeout": "1m" }""", environment);

        Assert.Equal(new BrowserChoice(BrowserKind.ExecutablePath, "/opt/chromium/chrome", "web.browser"), options.Browser);
        Assert.False(options.Headless);
        Assert.Equal((640, 480), (options.ViewportWidth, options.ViewportHeight));
        Assert.Equal("de-DE", options.Locale);
        Assert.Equal("Europe/Berlin", options.TimeZone);
        Assert.Equal(["--proxy-server=direct://", "--lang=de", "--mute-audio"], options.Args);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ActionTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.NavigationTimeout);
        Assert.False(options.Trace);
    }

    [Theory]
    [InlineData("auto", "Auto", null)]
    [InlineData("playwright", "Playwright", null)]
    [InlineData("chromium", "SystemChromium", null)]
    [InlineData("chrome", "Channel", "chrome")]
    [InlineData("MSEdge-Beta", "Channel", "msedge-beta")]
    public void Browser_names_select_the_kind_of_browser(string value, string kind, string? channel)
    {
        var options = Read(null, new TestEnvironment { ["VIBE_WEB_BROWSER"] = value });

        Assert.Equal(kind, options.Browser.Kind.ToString());
        Assert.Equal(channel, options.Browser.Value);
        Assert.Equal("VIBE_WEB_BROWSER", options.Browser.Source);
    }

    [Fact]
    public void Relative_paths_in_the_robot_start_from_the_robot_file_folder()
    {
        var options = Read("""{ "browser": "browsers/chrome", "profile": "profiles/shop" }""", new TestEnvironment(), sourceFile: "/srv/vibe/robots.d/shop.json");

        Assert.Equal("/srv/vibe/robots.d/browsers/chrome", options.Browser.Value);
        Assert.Equal("/srv/vibe/robots.d/profiles/shop", options.ProfileDirectory);
        Assert.Equal("/srv/vibe/robots.d", options.RobotFolder);
    }

    [Fact]
    public void Every_bad_setting_is_reported_at_once_with_the_robot_key_and_source()
    {
        var environment = new TestEnvironment { ["VIBE_WEB_HEADLESS"] = "maybe", ["VIBE_WEB_ACTION_TIMEOUT"] = "soon" };

        var error = Assert.Throws<StepFailedException>(
            () => Read("""{ "browser": "firefox", "viewport": "huge", "timeZone": "Mars/Olympus", "args": 3, "colour": "blue" }""", environment));

        Assert.StartsWith("robot 'shop': ", error.Message, StringComparison.Ordinal);
        Assert.Contains("web.colour is not a web setting", error.Message, StringComparison.Ordinal);
        Assert.Contains("web.browser 'firefox' is not auto, playwright, chromium, chrome, msedge", error.Message, StringComparison.Ordinal);
        Assert.Contains("web.viewport 'huge' must be WIDTHxHEIGHT", error.Message, StringComparison.Ordinal);
        Assert.Contains("web.timeZone 'Mars/Olympus' is not a time zone", error.Message, StringComparison.Ordinal);
        Assert.Contains("web.args must be a list of strings", error.Message, StringComparison.Ordinal);
        Assert.Contains("VIBE_WEB_HEADLESS 'maybe' must be true or false", error.Message, StringComparison.Ordinal);
        Assert.Contains("VIBE_WEB_ACTION_TIMEOUT 'soon' must be a duration", error.Message, StringComparison.Ordinal);
    }

    private static WebOptions Read(string? webBlock, TestEnvironment environment, string sourceFile = "/srv/vibe/robots.json")
    {
        var robot = new RobotDefinition
        {
            Name = "shop",
            Executor = "web",
            Steps = [],
            ExecutorOptions = webBlock is null ? null : JsonDocument.Parse(webBlock).RootElement.Clone(),
            SourceFile = sourceFile,
            DefinitionHash = "test",
        };
        return WebOptionsReader.Read(robot, environment, Path.GetDirectoryName(sourceFile)!);
    }
}
