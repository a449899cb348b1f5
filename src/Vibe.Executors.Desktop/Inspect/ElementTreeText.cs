using System.Text;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Inspect;

/// <summary>
/// The element tree as text, for `vibe inspect` and the failure evidence: one element a line, indented, with a
/// selector that finds it for the elements a robot would act on.
/// </summary>
public static class ElementTreeText
{
    public static string Format(DesktopWindow window, ElementNode root, string? failedSelector = null, IReadOnlyList<DesktopWindow>? windows = null)
    {
        var text = new StringBuilder();
        var windowSelector = windows is null ? SuggestWindow(window) : SuggestWindow(window, windows);
        text.Append("window ").AppendLine(window.ToString());
        text.Append("  selector: ").AppendLine(windowSelector);
        if (failedSelector is not null)
        {
            text.Append("  the failed step looked for: ").AppendLine(failedSelector);
        }

        if (root.Note is not null)
        {
            text.Append("  ").AppendLine(root.Note);
        }

        text.AppendLine();
        var all = Flatten(root).Skip(1).ToList();
        Append(text, root, 0, isRoot: true, all, windowSelector);
        return text.ToString();
    }

    public static string FormatWindows(IReadOnlyList<DesktopWindow> windows)
    {
        var text = new StringBuilder();
        foreach (var window in windows)
        {
            text.Append(window.IsVisible ? "" : "(hidden) ").AppendLine(window.ToString());
            text.Append("  ").AppendLine(window.IsVisible ? SuggestWindow(window, windows) : SuggestWindow(window));
        }

        return text.Length == 0 ? "no windows\n" : text.ToString();
    }

    /// <summary>
    /// A selector for <paramref name="window"/> that no other visible window of <paramref name="all"/> matches: the
    /// title, then the process added, then the position among the look-alikes ([index=n], front-most first).
    /// </summary>
    public static string SuggestWindow(DesktopWindow window, IReadOnlyList<DesktopWindow> all)
    {
        var visible = all.Where(other => other.IsVisible).ToList();
        var plain = SuggestWindow(window);
        if (Alike(plain, visible).Count <= 1)
        {
            return plain;
        }

        var withProcess = window.Title.Trim().Length > 0 && window.ProcessName.Length > 0
            ? $"{plain}[process=\"{Escape(window.ProcessName)}\"]"
            : plain;
        var alike = Alike(withProcess, visible);
        var index = alike.FindIndex(other => other.Handle == window.Handle);
        return alike.Count <= 1 || index < 0 ? withProcess : $"{withProcess}[index={index}]";
    }

    public static string SuggestWindow(DesktopWindow window) =>
        window.Title.Trim().Length > 0
            ? $"window[title=\"{Escape(window.Title.Trim())}\"]"
            : window.ProcessName.Length > 0 ? $"window[process=\"{Escape(window.ProcessName)}\"]" : $"window[class=\"{Escape(window.ClassName)}\"]";

    private static List<DesktopWindow> Alike(string selector, List<DesktopWindow> windows)
    {
        var parsed = DesktopSelector.ParseWindow(selector);
        return windows.Where(parsed.Matches).ToList();
    }

    private static void Append(StringBuilder text, ElementNode node, int depth, bool isRoot, List<ElementNode> all, string windowSelector)
    {
        text.Append(' ', depth * 2).Append(node.Info);
        if (!isRoot && Suggest(node, all) is { } selector)
        {
            text.Append("  => ").Append(windowSelector).Append(" >> ").Append(selector);
        }

        text.AppendLine();
        foreach (var child in node.Children)
        {
            Append(text, child, depth + 1, isRoot: false, all, windowSelector);
        }

        if (node.ChildrenLeftOut > 0)
        {
            text.Append(' ', (depth + 1) * 2)
                .Append("... ").Append(node.ChildrenLeftOut.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
                .AppendLine(" more children not read (the list is cut: vibe reads at most 1,000 children an element and 5,000 elements a tree)");
        }
    }

    /// <summary>type[name][id], plus the index among look-alikes when the rest is not unique in the window.</summary>
    private static string? Suggest(ElementNode node, List<ElementNode> all)
    {
        var info = node.Info;
        var worthIt = info.Name.Trim().Length > 0 || info.Id.Length > 0
            || info.Type is ControlType.Button or ControlType.Edit or ControlType.CheckBox or ControlType.RadioButton
                or ControlType.ComboBox or ControlType.List or ControlType.Document or ControlType.Slider or ControlType.Spinner;
        if (!worthIt || info.Type == ControlType.Unknown)
        {
            return null;
        }

        var selector = new ElementSelector
        {
            Type = info.Type == ControlType.Custom ? ControlType.Unknown : info.Type,
            // Trimmed: some toolkits pad names ("Save      "), and = ignores the padding anyway.
            Name = info.Name.Trim().Length > 0 ? new TextMatch(MatchOperator.Equals, info.Name.Trim()) : null,
            Id = info.Id.Length > 0 ? new TextMatch(MatchOperator.Equals, info.Id) : null,
            Role = info.Type == ControlType.Custom ? new TextMatch(MatchOperator.Equals, info.Role) : null,

            // A Win32 control is reached with win32: whatever the robot's framework, so the prefix is always written.
            Framework = node.Framework == ElementFramework.Win32 ? ElementFramework.Win32 : ElementFramework.Default,
        };
        var alike = all.Where(other => selector.Matches(other.Info)).ToList();
        var index = alike.FindIndex(other => ReferenceEquals(other, node));
        return (index > 0 ? selector with { Index = index } : selector).ToString();
    }

    private static IEnumerable<ElementNode> Flatten(ElementNode node)
    {
        yield return node;
        foreach (var child in node.Children)
        {
            foreach (var descendant in Flatten(child))
            {
                yield return descendant;
            }
        }
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
