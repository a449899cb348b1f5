namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// An element (control) inside a window, found by a backend. Backends subclass it to carry their native
/// reference (an AtspiAccessible*, an IUIAutomationElement) and release it in <see cref="Dispose(bool)"/>.
/// Elements are short-lived: find, act, dispose; never cache one across steps.
/// </summary>
public abstract class DesktopElement : IDisposable
{
    protected DesktopElement(DesktopWindow window, ElementInfo info)
    {
        Window = window;
        Info = info;
    }

    /// <summary>The top-level window the element was found in.</summary>
    public DesktopWindow Window { get; }

    /// <summary>The element's properties when it was found (call the driver's DescribeAsync to refresh).</summary>
    public ElementInfo Info { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>A short label for logs and messages: <c>button "OK"</c>, <c>edit #customer</c>.</summary>
    public override string ToString() => Info.Label;
}

/// <summary>The properties a selector matches on and an element-tree dump shows.</summary>
/// <param name="Name">Accessible name (UIA Name, AT-SPI name); "" when none.</param>
/// <param name="Type">Normalized control type, the same word on both backends.</param>
/// <param name="Role">The backend's own role: the AT-SPI role name ("push button") or the UIA control type name ("Button").</param>
/// <param name="Id">UIA AutomationId on Windows; the AT-SPI accessible id (often empty in GTK 3) on Linux.</param>
/// <param name="ClassName">UIA ClassName on Windows; "" on Linux (AT-SPI has no class names).</param>
/// <param name="Bounds">On-screen bounds; empty when off-screen or unknown.</param>
/// <param name="States">What the element is right now.</param>
public sealed record ElementInfo(
    string Name,
    ControlType Type,
    string Role,
    string Id,
    string ClassName,
    ScreenRect Bounds,
    ElementStates States)
{
    public bool Has(ElementStates state) => (States & state) == state;

    /// <summary>Type, name and id only: <c>button "OK"</c>, <c>edit #customer</c>.</summary>
    public string Label =>
        ControlTypes.ToSelectorWord(Type) + (Name.Length > 0 ? $" \"{Name}\"" : "") + (Id.Length > 0 ? $" #{Id}" : "");

    public override string ToString()
    {
        var id = Id.Length > 0 ? $" id=\"{Id}\"" : "";
        var name = Name.Length > 0 ? $" name=\"{Name}\"" : "";
        return $"{ControlTypes.ToSelectorWord(Type)}{name}{id} role=\"{Role}\" [{Bounds}] {ElementStatesText.Format(States)}".TrimEnd();
    }
}

/// <summary>State flags common to UIA and AT-SPI.</summary>
[Flags]
public enum ElementStates
{
    None = 0,
    Enabled = 1,
    Visible = 2,
    Focused = 4,
    Focusable = 8,
    Checked = 16,
    Selected = 32,
    Editable = 64,
    Expanded = 128,
    ReadOnly = 256,
}

public static class ElementStatesText
{
    public static string Format(ElementStates states) =>
        states == ElementStates.None
            ? ""
            : string.Join(' ', Enum.GetValues<ElementStates>().Where(flag => flag != ElementStates.None && states.HasFlag(flag))
                .Select(flag => flag.ToString().ToLowerInvariant()));
}

/// <summary>One node of an element-tree dump (evidence, `vibe inspect`).</summary>
public sealed record ElementNode(ElementInfo Info, IReadOnlyList<ElementNode> Children)
{
    /// <summary>
    /// Children the backend did not read (more than it reads per element, or the tree's budget ran out); 0 when
    /// <see cref="Children"/> is the whole list. Shown in inspect and the evidence, never dropped silently.
    /// </summary>
    public int ChildrenLeftOut { get; init; }

    /// <summary>The framework that read this element, so inspect and the evidence suggest selectors that reach it (<c>win32:</c>).</summary>
    public ElementFramework Framework { get; init; }

    /// <summary>A line about the whole tree for the reader (why this is the Win32 tree and not UI Automation's); null for none.</summary>
    public string? Note { get; init; }
}
