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

    private static ElementNode Node(string name, ControlType type, params ElementNode[] children) =>
        new(new ElementInfo(name, type, type.ToString().ToLowerInvariant(), "", "", default, ElementStates.Enabled), children);
}
