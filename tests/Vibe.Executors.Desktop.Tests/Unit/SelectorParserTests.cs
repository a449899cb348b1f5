using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Tests.Unit;

public sealed class SelectorParserTests
{
    [Fact]
    public void Parse_WindowThenElements_ReadsEveryPart()
    {
        var selector = DesktopSelector.Parse("window[title*=\"Notepad\"][process=notepad] >> pane[name='Editor'] >> edit[id=txtBody][index=1]");

        Assert.Equal(new TextMatch(MatchOperator.Contains, "Notepad"), selector.Window!.Title);
        Assert.Equal(new TextMatch(MatchOperator.Equals, "notepad"), selector.Window.Process);
        Assert.Equal(2, selector.Path.Count);
        Assert.Equal(ControlType.Pane, selector.Path[0].Type);
        Assert.Equal("Editor", selector.Path[0].Name!.Value);
        Assert.Equal(ControlType.Edit, selector.Path[1].Type);
        Assert.Equal("txtBody", selector.Path[1].Id!.Value);
        Assert.Equal(1, selector.Path[1].Index);
    }

    [Theory]
    [InlineData("button[name=OK]", "button[name=\"OK\"]")]
    [InlineData("\"Save as\"", "*[name=\"Save as\"]")]
    [InlineData("*[role='push button'][name^=Sa]", "*[name^=\"Sa\"][role=\"push button\"]")]
    [InlineData("textbox[name$=' name']", "edit[name$=\" name\"]")]
    [InlineData("[name~='^Item \\\\d+$']", "*[name~=\"^Item \\d+$\"]")]
    public void Parse_ThenToString_GivesTheCanonicalForm(string text, string canonical)
    {
        Assert.Equal(canonical, DesktopSelector.Parse(text).ToString());
    }

    [Fact]
    public void Matches_IgnoresCaseExceptForRegex()
    {
        var element = new ElementInfo("Save As", ControlType.Button, "push button", "", "", default, ElementStates.Enabled);

        Assert.True(DesktopSelector.Parse("button[name='save as']").Path[0].Matches(element));
        Assert.True(DesktopSelector.Parse("[name*=AS]").Path[0].Matches(element));
        Assert.False(DesktopSelector.Parse("[name~='^save']").Path[0].Matches(element));
        Assert.False(DesktopSelector.Parse("edit[name='Save As']").Path[0].Matches(element));
    }

    [Fact]
    public void ParseWindow_AcceptsTheBracketsAlone_AndIgnoresExeInProcessNames()
    {
        var selector = DesktopSelector.ParseWindow("[process=notepad.exe]");
        var window = new DesktopWindow(1, "Untitled - Notepad", 42, "notepad", "Notepad", default, true);

        Assert.False(selector.Matches(window));
        Assert.True(DesktopSelector.ParseWindow("window[process=NOTEPAD]").Matches(window));
        Assert.True(DesktopSelector.ParseWindow("[pid=42][title$='- Notepad']").Matches(window));
    }

    [Theory]
    [InlineData("", "selector is empty")]
    [InlineData("buton[name=OK]", "unknown control type 'buton'")]
    [InlineData("button[label=OK]", "unknown attribute 'label' (use name, id, role, class, index) at position 8")]
    [InlineData("button[name=OK", "missing ']'")]
    [InlineData("button[name OK]", "expected =, *=, ^=, $= or ~= after 'name'")]
    [InlineData("button[index=first]", "'index' must be a whole number")]
    [InlineData("button >> window[title=x]", "'window' may only start a selector")]
    [InlineData("button >>", "expected an element after '>>'")]
    [InlineData("[name~='(']", "invalid regular expression")]
    [InlineData("button[name='OK]", "unterminated quoted value")]
    public void Parse_BadText_SaysWhatAndWhere(string text, string expected)
    {
        var error = Assert.Throws<SelectorSyntaxException>(() => DesktopSelector.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseWindow_WithAnElementPart_TellsToUseASelector()
    {
        var error = Assert.Throws<SelectorSyntaxException>(() => DesktopSelector.ParseWindow("window[title=x] >> button"));

        Assert.Contains("cannot name an element", error.Message, StringComparison.Ordinal);
    }
}
