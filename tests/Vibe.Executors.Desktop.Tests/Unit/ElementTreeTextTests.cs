using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Inspect;

namespace Vibe.Executors.Desktop.Tests.Unit;

public sealed class ElementTreeTextTests
{
    [Fact]
    public void Format_SuggestsASelectorPerActionableElement_WithAnIndexForLookAlikes()
    {
        var window = new DesktopWindow(7, "Invoice", 99, "app", "App", new ScreenRect(0, 0, 300, 200), true);
        var tree = Node("Invoice", ControlType.Window, Node("", ControlType.Pane, Node("", ControlType.Edit), Node("", ControlType.Edit)), Node("OK", ControlType.Button));

        var text = ElementTreeText.Format(window, tree, "button[name=\"Save\"]");

        Assert.Contains("the failed step looked for: button[name=\"Save\"]", text, StringComparison.Ordinal);
        Assert.Contains("=> window[title=\"Invoice\"] >> edit\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("=> window[title=\"Invoice\"] >> edit[index=1]", text, StringComparison.Ordinal);
        Assert.Contains("=> window[title=\"Invoice\"] >> button[name=\"OK\"]", text, StringComparison.Ordinal);
        var paneLine = text.Split('\n').Single(line => line.TrimStart().StartsWith("pane", StringComparison.Ordinal));
        Assert.DoesNotContain("=>", paneLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_suggests_trimmed_names_and_tells_look_alike_windows_apart()
    {
        // Fails on 9439b3a: the padded name was suggested as it is, and both windows got the same selector.
        var first = new DesktopWindow(1, "Untitled", 10, "mousepad", "Mousepad", new ScreenRect(0, 0, 300, 200), true);
        var second = first with { Handle = 2, ProcessId = 11 };
        var windows = new[] { first, second };
        var tree = Node("Untitled", ControlType.Window, Node("Save      ", ControlType.MenuItem));

        var listing = ElementTreeText.FormatWindows(windows);
        var text = ElementTreeText.Format(second, tree, windows: windows);

        Assert.Contains("window[title=\"Untitled\"][process=\"mousepad\"][index=0]", listing, StringComparison.Ordinal);
        Assert.Contains("window[title=\"Untitled\"][process=\"mousepad\"][index=1]", listing, StringComparison.Ordinal);
        Assert.Contains("=> window[title=\"Untitled\"][process=\"mousepad\"][index=1] >> menuitem[name=\"Save\"]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_list_of_children_is_marked_as_cut()
    {
        var window = new DesktopWindow(7, "Sheet", 99, "soffice.bin", "Soffice", new ScreenRect(0, 0, 300, 200), true);
        var table = Node("Sheet1", ControlType.Table, Node("A1", ControlType.Cell)) with { ChildrenLeftOut = 1500 };

        var text = ElementTreeText.Format(window, Node("Sheet", ControlType.Window, table));

        Assert.Contains("... 1,500 more children not read (the list is cut", text, StringComparison.Ordinal);
    }

    private static ElementNode Node(string name, ControlType type, params ElementNode[] children) =>
        new(new ElementInfo(name, type, type.ToString().ToLowerInvariant(), "", "", default, ElementStates.Enabled), children);
}
