using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Win32;

namespace Vibe.Executors.Desktop.Windows.Tests;

/// <summary>The win32: framework's reading of a control: its selector word from class and style, its name as shown, and the selector syntax.</summary>
public sealed class Win32ControlTypesTests
{
    [Theory]
    [InlineData("Button", 0x0, ControlType.Button)]
    [InlineData("Button", 0x1, ControlType.Button)]
    [InlineData("Button", 0x3, ControlType.CheckBox)]
    [InlineData("Button", 0x9, ControlType.RadioButton)]
    [InlineData("Button", 0x7, ControlType.Group)]
    [InlineData("Edit", 0, ControlType.Edit)]
    [InlineData("RichEdit20W", 0, ControlType.Edit)]
    [InlineData("Static", 0, ControlType.Text)]
    [InlineData("ComboBox", 0, ControlType.ComboBox)]
    [InlineData("ListBox", 0, ControlType.List)]
    [InlineData("msctls_statusbar32", 0, ControlType.StatusBar)]
    [InlineData("#32770", 0, ControlType.Dialog)]
    [InlineData("SomeAppCanvas", 0, ControlType.Pane)]
    public void A_control_class_and_style_give_its_type(string className, int style, ControlType expected) =>
        Assert.Equal(expected, Win32ControlTypes.Of(className, style));

    [Theory]
    [InlineData("&No", "No")]
    [InlineData("Save &As...", "Save As...")]
    [InlineData("Salt && Pepper", "Salt & Pepper")]
    [InlineData("Plain", "Plain")]
    public void Names_read_as_shown_without_mnemonic_marks(string text, string shown) =>
        Assert.Equal(shown, Win32ControlTypes.WithoutMnemonics(text));

    [Fact]
    public void The_win32_prefix_selects_the_framework_per_step_and_prints_back()
    {
        var selector = DesktopSelector.Parse("window[class=\"#32770\"] >> win32:button[name=\"No\"]");

        var step = Assert.Single(selector.Path);
        Assert.Equal(ElementFramework.Win32, step.Framework);
        Assert.Equal(ControlType.Button, step.Type);
        Assert.Equal("win32:button[name=\"No\"]", step.ToString());
        Assert.Equal(ElementFramework.Default, DesktopSelector.Parse("button[name=\"No\"]").Path.Single().Framework);
        Assert.Equal(ElementFramework.Win32, DesktopSelector.Parse("win32:[id=15]").Path.Single().Framework);
    }
}
