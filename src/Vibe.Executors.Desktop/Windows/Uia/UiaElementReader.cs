using System.Runtime.InteropServices;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>Reads an element's <see cref="ElementInfo"/>, from the cache a FindAllBuildCache filled or live.</summary>
internal static class UiaElementReader
{
    /// <summary>The properties <see cref="Read"/> needs; a cache request asks for exactly these.</summary>
    public static IReadOnlyList<int> Properties { get; } =
    [
        UiaPropertyIds.Name, UiaPropertyIds.ControlType, UiaPropertyIds.AutomationId, UiaPropertyIds.ClassName,
        UiaPropertyIds.BoundingRectangle, UiaPropertyIds.IsEnabled, UiaPropertyIds.IsOffscreen, UiaPropertyIds.HasKeyboardFocus,
        UiaPropertyIds.IsKeyboardFocusable, UiaPropertyIds.ToggleState, UiaPropertyIds.SelectionItemIsSelected,
        UiaPropertyIds.ExpandCollapseState, UiaPropertyIds.IsValuePatternAvailable, UiaPropertyIds.ValueIsReadOnly,
    ];

    /// <summary>
    /// A cache request for <see cref="Properties"/>, plus IsDialog where the system knows it (Windows 10 1809 and
    /// later); <paramref name="withIsDialog"/> says whether it does, since reading an uncached property fails.
    /// </summary>
    public static IUIAutomationCacheRequest CreateCacheRequest(IUIAutomation automation, out bool withIsDialog)
    {
        var request = automation.CreateCacheRequest();
        foreach (var property in Properties)
        {
            request.AddProperty(property);
        }

        try
        {
            request.AddProperty(UiaPropertyIds.IsDialog);
            withIsDialog = true;
        }
        catch (Exception ex) when (ex is ArgumentException or COMException)
        {
            withIsDialog = false;
        }

        return request;
    }

    public static ElementInfo Read(IUIAutomationElement element, bool cached, bool withIsDialog)
    {
        var uiaType = Int(element, UiaPropertyIds.ControlType, cached) ?? 0;
        var className = String(element, UiaPropertyIds.ClassName, cached);
        var bounds = cached ? element.get_CachedBoundingRectangle() : element.get_CurrentBoundingRectangle();
        var states = ElementStates.None;
        Add(ref states, ElementStates.Enabled, Bool(element, UiaPropertyIds.IsEnabled, cached) == true);
        Add(ref states, ElementStates.Visible, Bool(element, UiaPropertyIds.IsOffscreen, cached) == false && !bounds.IsEmpty);
        Add(ref states, ElementStates.Focused, Bool(element, UiaPropertyIds.HasKeyboardFocus, cached) == true);
        Add(ref states, ElementStates.Focusable, Bool(element, UiaPropertyIds.IsKeyboardFocusable, cached) == true);
        Add(ref states, ElementStates.Checked, Int(element, UiaPropertyIds.ToggleState, cached) == (int)ToggleState.On);
        Add(ref states, ElementStates.Selected, Bool(element, UiaPropertyIds.SelectionItemIsSelected, cached) == true);
        Add(ref states, ElementStates.Expanded, Int(element, UiaPropertyIds.ExpandCollapseState, cached)
            is (int)ExpandCollapseState.Expanded or (int)ExpandCollapseState.PartiallyExpanded);
        if (Bool(element, UiaPropertyIds.IsValuePatternAvailable, cached) == true)
        {
            var readOnly = Bool(element, UiaPropertyIds.ValueIsReadOnly, cached) == true;
            Add(ref states, ElementStates.ReadOnly, readOnly);
            Add(ref states, ElementStates.Editable, !readOnly);
        }

        return new ElementInfo(
            String(element, UiaPropertyIds.Name, cached),
            UiaSelectorMapping.ToControlType(uiaType, className, withIsDialog && Bool(element, UiaPropertyIds.IsDialog, cached) == true),
            UiaControlTypes.NameOf(uiaType),
            String(element, UiaPropertyIds.AutomationId, cached),
            className,
            bounds.IsEmpty ? default : new ScreenRect(bounds.Left, bounds.Top, bounds.Width, bounds.Height),
            states);
    }

    private static void Add(ref ElementStates states, ElementStates state, bool condition)
    {
        if (condition)
        {
            states |= state;
        }
    }

    private static UiaVariant Get(IUIAutomationElement element, int propertyId, bool cached) =>
        cached ? element.GetCachedPropertyValue(propertyId) : element.GetCurrentPropertyValue(propertyId);

    private static string String(IUIAutomationElement element, int propertyId, bool cached)
    {
        using var value = Get(element, propertyId, cached);
        return value.AsString() ?? "";
    }

    private static int? Int(IUIAutomationElement element, int propertyId, bool cached)
    {
        using var value = Get(element, propertyId, cached);
        return value.TryInt32();
    }

    private static bool? Bool(IUIAutomationElement element, int propertyId, bool cached)
    {
        using var value = Get(element, propertyId, cached);
        return value.TryBoolean();
    }
}
