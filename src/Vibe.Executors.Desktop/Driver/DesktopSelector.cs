namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// A parsed selector: an optional window, then a path of element steps, each searched inside the previous
/// one's match. Text form (docs/desktop.md): <c>window[title*="Notepad"] &gt;&gt; edit[index=0]</c>.
/// A selector without a window part uses the window the robot last launched, attached to or focused.
/// </summary>
public sealed record DesktopSelector(WindowSelector? Window, IReadOnlyList<ElementSelector> Path)
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="SelectorSyntaxException"/> saying what and where.</summary>
    public static DesktopSelector Parse(string text) => SelectorParser.Parse(text);

    /// <summary>Parses a window-only selector; the leading "window" word may be left out (<c>[title*="Notepad"]</c>).</summary>
    public static WindowSelector ParseWindow(string text) => SelectorParser.ParseWindow(text);

    public override string ToString()
    {
        var parts = new List<string>();
        if (Window is not null)
        {
            parts.Add(Window.ToString());
        }

        parts.AddRange(Path.Select(step => step.ToString()));
        return string.Join(" >> ", parts);
    }
}

/// <summary>A selector's text is not valid; the message names the position and what was expected.</summary>
public sealed class SelectorSyntaxException : FormatException
{
    public SelectorSyntaxException(string message)
        : base(message)
    {
    }
}
