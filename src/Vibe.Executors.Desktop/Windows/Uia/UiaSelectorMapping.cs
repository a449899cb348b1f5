using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>
/// Maps the shared selector model onto UI Automation. What UIA can test itself (exact names, automation ids,
/// class names, control types) goes into the condition so UIA filters inside the target process; contains,
/// prefix, suffix and regex matches have no UIA condition, so they are checked afterwards with
/// <see cref="ElementSelector.Matches"/>, which the driver applies to every candidate anyway.
/// </summary>
internal static class UiaSelectorMapping
{
    /// <summary>Every UIA control type and the shared word it reports as (UIAutomationClient.h, UIA_*ControlTypeId).</summary>
    private static readonly Dictionary<int, ControlType> ControlTypeByUiaType = new()
    {
        [50000] = ControlType.Button,
        [50001] = ControlType.Calendar,
        [50002] = ControlType.CheckBox,
        [50003] = ControlType.ComboBox,
        [50004] = ControlType.Edit,
        [50005] = ControlType.Hyperlink,
        [50006] = ControlType.Image,
        [50007] = ControlType.ListItem,
        [50008] = ControlType.List,
        [50009] = ControlType.Menu,
        [50010] = ControlType.MenuBar,
        [50011] = ControlType.MenuItem,
        [50012] = ControlType.ProgressBar,
        [50013] = ControlType.RadioButton,
        [50014] = ControlType.ScrollBar,
        [50015] = ControlType.Slider,
        [50016] = ControlType.Spinner,
        [50017] = ControlType.StatusBar,
        [50018] = ControlType.Tab,
        [50019] = ControlType.TabItem,
        [50020] = ControlType.Text,
        [50021] = ControlType.ToolBar,
        [50022] = ControlType.ToolTip,
        [50023] = ControlType.Tree,
        [50024] = ControlType.TreeItem,
        [50025] = ControlType.Custom,
        [50026] = ControlType.Group,
        [50027] = ControlType.Custom,
        [50028] = ControlType.Table,
        [50029] = ControlType.Row,
        [50030] = ControlType.Document,
        [50031] = ControlType.SplitButton,
        [50032] = ControlType.Window,
        [50033] = ControlType.Pane,
        [50034] = ControlType.Header,
        [50035] = ControlType.HeaderItem,
        [50036] = ControlType.Table,
        [50037] = ControlType.TitleBar,
        [50038] = ControlType.Separator,
        [50039] = ControlType.Custom,
        [50040] = ControlType.Custom,
    };

    /// <summary>
    /// The shared control type of an element. UIA has no dialog type: a window of the standard dialog class
    /// (#32770) or one UIA flags as a dialog reports "dialog"; anything unknown reports "custom".
    /// </summary>
    public static ControlType ToControlType(int uiaControlType, string className = "", bool isDialog = false)
    {
        var type = ControlTypeByUiaType.GetValueOrDefault(uiaControlType, ControlType.Custom);
        return type == ControlType.Window && (isDialog || className == "#32770") ? ControlType.Dialog : type;
    }

    /// <summary>
    /// The UIA control types that report as <paramref name="type"/>. A dialog is a UIA window (told apart after
    /// the search); a table cell has no UIA control type of its own, so "cell" finds nothing on Windows.
    /// </summary>
    public static IReadOnlyList<int> ToUiaControlTypes(ControlType type) => type switch
    {
        ControlType.Dialog => [50032],
        _ => ControlTypeByUiaType.Where(pair => pair.Value == type).Select(pair => pair.Key).Order().ToList(),
    };

    /// <summary>
    /// The condition UIA evaluates for <paramref name="selector"/>: an AND of the parts it can test, or TRUE
    /// when it can test none (then every element is a candidate for the after-check).
    /// </summary>
    public static UiaCondition ToCondition(ElementSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var parts = new List<UiaCondition>();
        if (selector.Type != ControlType.Unknown)
        {
            parts.Add(ControlTypeCondition(ToUiaControlTypes(selector.Type)));
        }

        if (selector.Role is { Operator: MatchOperator.Equals } role && UiaControlTypes.TryGetId(role.Value, out var roleType))
        {
            parts.Add(ControlTypeCondition([roleType]));
        }

        AddExact(parts, UiaPropertyIds.Name, selector.Name);
        AddExact(parts, UiaPropertyIds.AutomationId, selector.Id);
        AddExact(parts, UiaPropertyIds.ClassName, selector.ClassName);
        return parts.Count switch
        {
            0 => UiaCondition.True,
            1 => parts[0],
            _ => new UiaCondition.And(parts),
        };
    }

    /// <summary>True when <see cref="ToCondition"/> leaves part of the selector to the after-check.</summary>
    public static bool NeedsAfterCheck(ElementSelector selector) =>
        selector.Type is ControlType.Dialog or ControlType.Window
        || IsLoose(selector.Name) || IsLoose(selector.Id) || IsLoose(selector.ClassName)
        || (selector.Role is not null && (IsLoose(selector.Role) || !UiaControlTypes.TryGetId(selector.Role.Value, out _)));

    private static bool IsLoose(TextMatch? match) => match is not null && match.Operator != MatchOperator.Equals;

    // Selector equality ignores case (TextMatch.Equals), so the UIA condition does too.
    private static void AddExact(List<UiaCondition> parts, int propertyId, TextMatch? match)
    {
        if (match is { Operator: MatchOperator.Equals })
        {
            parts.Add(new UiaCondition.Property(propertyId, match.Value, IgnoreCase: true));
        }
    }

    // No UIA type at all (a cell) becomes ControlType = 0, which no element has.
    private static UiaCondition ControlTypeCondition(IReadOnlyList<int> uiaTypes) => uiaTypes.Count switch
    {
        0 => new UiaCondition.Property(UiaPropertyIds.ControlType, 0),
        1 => new UiaCondition.Property(UiaPropertyIds.ControlType, uiaTypes[0]),
        _ => new UiaCondition.Or(uiaTypes.Select(id => (UiaCondition)new UiaCondition.Property(UiaPropertyIds.ControlType, id)).ToList()),
    };
}
