using System.Text.Json;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor;
using Vibe.Executors.Desktop.Inspect;

namespace Vibe.Executors.Desktop.Tests.Unit;

/// <summary>
/// The element framework chosen per robot ("desktop": {"framework": "win32"}) and per step (win32:, uia:): which
/// one a step gets, and that Linux refuses both instead of ignoring the prefix. (Under Wine the same is run for real
/// by Vibe.Executors.Desktop.Wine.Tests.)
/// </summary>
public sealed class ElementFrameworkTests
{
    [Fact]
    public void A_robot_with_framework_win32_searches_unprefixed_steps_with_win32_and_a_step_prefix_still_wins()
    {
        var options = DesktopOptions.From(Robot("""{ "framework": "win32" }"""));

        var selector = options.WithFramework(DesktopSelector.Parse("window[title$=Notepad] >> edit >> uia:button[name=OK] >> win32:[id=2]"));

        Assert.Equal([ElementFramework.Win32, ElementFramework.Uia, ElementFramework.Win32], selector.Path.Select(part => part.Framework));
        Assert.Equal("window[title$=\"Notepad\"] >> win32:edit >> uia:button[name=\"OK\"] >> win32:*[id=\"2\"]", selector.ToString());
    }

    [Theory]
    [InlineData("""{ "framework": "uia" }""")]
    [InlineData("""{ "framework": "UIA" }""")]
    [InlineData("""{ }""")]
    public void A_robot_with_framework_uia_or_none_leaves_steps_to_the_backend(string block)
    {
        var options = DesktopOptions.From(Robot(block));

        Assert.Equal(ElementFramework.Default, options.Framework);
        Assert.Equal(ElementFramework.Default, options.WithFramework(DesktopSelector.Parse("edit")).Path.Single().Framework);
    }

    [Fact]
    public void An_unknown_framework_is_refused_naming_the_robot_the_setting_and_the_choices()
    {
        var error = Assert.Throws<StepFailedException>(() => DesktopOptions.From(Robot("""{ "framework": "win64" }""")));

        Assert.Equal("robot 'notes': desktop.framework must be one of uia, win32", error.Message);
    }

    [Fact]
    public void The_framework_setting_is_declared_once_for_validate_the_schema_and_the_docs()
    {
        var setting = Vibe.Executors.Desktop.Executor.Actions.DesktopActions.Settings.Single(parameter => parameter.Name == "framework");

        Assert.Same(DesktopOptions.FrameworkSetting, setting);
        Assert.Equal(["uia", "win32"], setting.Values);
    }

    [Theory]
    [InlineData(ElementFramework.Win32, "win32")]
    [InlineData(ElementFramework.Uia, "uia")]
    public void Linux_refuses_a_Windows_framework_instead_of_ignoring_it(ElementFramework framework, string word)
    {
        Assert.Equal(
            $"the {word} framework exists only on Windows (this desktop is x11, where elements are found through AT-SPI)",
            framework.Unavailable("x11"));
        Assert.Null(framework.Unavailable("windows"));
        Assert.Null(ElementFramework.Default.Unavailable("x11"));
    }

    [Fact]
    public void A_Win32_tree_suggests_win32_selectors_and_says_why_it_is_shown()
    {
        var window = new DesktopWindow(7, "Untitled - Notepad", 32, "notepad", "Notepad", new ScreenRect(0, 0, 600, 400), true);
        var edit = new ElementNode(new ElementInfo("", ControlType.Edit, "Edit", "15", "Edit", new ScreenRect(2, 40, 596, 340), ElementStates.Enabled), [])
        {
            Framework = ElementFramework.Win32,
        };
        var root = new ElementNode(new ElementInfo("Untitled - Notepad", ControlType.Pane, "Notepad", "", "Notepad", window.Bounds, ElementStates.Enabled), [edit])
        {
            Framework = ElementFramework.Win32,
            Note = "the window's Win32 controls (no UI Automation tree: UI Automation is not installed on this machine)",
        };

        var text = ElementTreeText.Format(window, root).ReplaceLineEndings("\n");

        Assert.Contains("=> window[title=\"Untitled - Notepad\"] >> win32:edit[id=\"15\"]\n", text, StringComparison.Ordinal);
        Assert.Contains("  the window's Win32 controls (no UI Automation tree: UI Automation is not installed on this machine)\n", text, StringComparison.Ordinal);
    }

    private static RobotDefinition Robot(string desktopBlock) => new()
    {
        Name = "notes",
        Executor = "desktop",
        Steps = [],
        SourceFile = "robots.json",
        DefinitionHash = "",
        ExecutorOptions = JsonDocument.Parse(desktopBlock).RootElement.Clone(),
    };
}
