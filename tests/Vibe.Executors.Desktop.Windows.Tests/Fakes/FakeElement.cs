using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Tests.Fakes;

/// <summary>
/// A managed IUIAutomationElement exposed through the generated COM wrappers, standing in for UIAutomationCore
/// (which exists only on Windows) so the binding's marshalling is exercised here. Slots a test does not need throw,
/// which reaches the caller as a failed HRESULT.
/// </summary>
[GeneratedComClass]
internal sealed partial class FakeElement : IUIAutomationElement
{
    public const int UIA_E_ELEMENTNOTAVAILABLE = unchecked((int)0x80040201);

    public static readonly StrategyBasedComWrappers Wrappers = new();

    public string? Name { get; set; }

    public string? AutomationId { get; set; }

    public int ControlType { get; set; }

    public bool IsEnabled { get; set; } = true;

    public UiaRect Bounds { get; set; }

    public string ClassName { get; set; } = "";

    public bool IsOffscreen { get; set; }

    /// <summary>Property values that the element does not support are null and come back as UIA's "not supported" object.</summary>
    public int? ToggleState { get; set; }

    public bool? IsSelected { get; set; }

    public int? ExpandState { get; set; }

    public bool? ValueIsReadOnly { get; set; }

    public bool? IsDialog { get; set; }

    public FakeElement? Parent { get; private set; }

    public List<FakeElement> Children { get; } = [];

    public string? LastCondition { get; private set; }

    public Dictionary<int, object> Patterns { get; } = [];

    /// <summary>What reading the help text fails with: by default the element has gone away.</summary>
    public Exception HelpTextError { get; set; } = new COMException("element not available", UIA_E_ELEMENTNOTAVAILABLE);

    public int FocusCount { get; private set; }

    public TreeScope? LastScope { get; private set; }

    public void SetFocus() => FocusCount++;
    public nint GetRuntimeId() => throw new NotSupportedException();
    public IUIAutomationElement? FindFirst(TreeScope scope, IUIAutomationCondition condition)
    {
        LastScope = scope;
        return Children.FirstOrDefault();
    }
    public IUIAutomationElementArray? FindAll(TreeScope scope, IUIAutomationCondition condition)
    {
        LastScope = scope;
        return new FakeElementArray(Descendants().ToList());
    }
    public IUIAutomationElement? FindFirstBuildCache(TreeScope scope, IUIAutomationCondition condition, IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationElementArray? FindAllBuildCache(TreeScope scope, IUIAutomationCondition condition, IUIAutomationCacheRequest cacheRequest)
    {
        LastScope = scope;
        LastCondition = ((FakeCondition)condition).Text;
        return new FakeElementArray(Descendants().ToList());
    }
    public IUIAutomationElement BuildUpdatedCache(IUIAutomationCacheRequest cacheRequest) => this;
    public UiaVariant GetCurrentPropertyValue(int propertyId) => PropertyValue(propertyId);
    public UiaVariant GetCurrentPropertyValueEx(int propertyId, bool ignoreDefaultValue) => throw new NotSupportedException();
    public UiaVariant GetCachedPropertyValue(int propertyId) => PropertyValue(propertyId);
    public UiaVariant GetCachedPropertyValueEx(int propertyId, bool ignoreDefaultValue) => throw new NotSupportedException();
    public nint GetCurrentPatternAs(int patternId, in Guid riid) => throw new NotSupportedException();
    public nint GetCachedPatternAs(int patternId, in Guid riid) => throw new NotSupportedException();
    public nint GetCurrentPattern(int patternId) =>
        Patterns.TryGetValue(patternId, out var pattern) ? Wrappers.GetOrCreateComInterfaceForObject(pattern, CreateComInterfaceFlags.None) : 0;
    public nint GetCachedPattern(int patternId) => throw new NotSupportedException();
    public IUIAutomationElement? GetCachedParent() => throw new NotSupportedException();
    public IUIAutomationElementArray? GetCachedChildren() => throw new NotSupportedException();
    public int get_CurrentProcessId() => throw new NotSupportedException();
    public int get_CurrentControlType() => ControlType;
    public string? get_CurrentLocalizedControlType() => throw new NotSupportedException();
    public string? get_CurrentName() => Name;
    public string? get_CurrentAcceleratorKey() => throw new NotSupportedException();
    public string? get_CurrentAccessKey() => throw new NotSupportedException();
    public bool get_CurrentHasKeyboardFocus() => throw new NotSupportedException();
    public bool get_CurrentIsKeyboardFocusable() => throw new NotSupportedException();
    public bool get_CurrentIsEnabled() => IsEnabled;
    public string? get_CurrentAutomationId() => AutomationId;
    public string? get_CurrentClassName() => throw new NotSupportedException();
    public string? get_CurrentHelpText() => throw HelpTextError;
    public int get_CurrentCulture() => throw new NotSupportedException();
    public bool get_CurrentIsControlElement() => throw new NotSupportedException();
    public bool get_CurrentIsContentElement() => throw new NotSupportedException();
    public bool get_CurrentIsPassword() => throw new NotSupportedException();
    public nint get_CurrentNativeWindowHandle() => throw new NotSupportedException();
    public string? get_CurrentItemType() => throw new NotSupportedException();
    public bool get_CurrentIsOffscreen() => throw new NotSupportedException();
    public int get_CurrentOrientation() => throw new NotSupportedException();
    public string? get_CurrentFrameworkId() => throw new NotSupportedException();
    public bool get_CurrentIsRequiredForForm() => throw new NotSupportedException();
    public string? get_CurrentItemStatus() => throw new NotSupportedException();
    public UiaRect get_CurrentBoundingRectangle() => Bounds;
    public IUIAutomationElement? get_CurrentLabeledBy() => throw new NotSupportedException();
    public string? get_CurrentAriaRole() => throw new NotSupportedException();
    public string? get_CurrentAriaProperties() => throw new NotSupportedException();
    public bool get_CurrentIsDataValidForForm() => throw new NotSupportedException();
    public IUIAutomationElementArray? get_CurrentControllerFor() => throw new NotSupportedException();
    public IUIAutomationElementArray? get_CurrentDescribedBy() => throw new NotSupportedException();
    public IUIAutomationElementArray? get_CurrentFlowsTo() => throw new NotSupportedException();
    public string? get_CurrentProviderDescription() => throw new NotSupportedException();
    public int get_CachedProcessId() => throw new NotSupportedException();
    public int get_CachedControlType() => throw new NotSupportedException();
    public string? get_CachedLocalizedControlType() => throw new NotSupportedException();
    public string? get_CachedName() => throw new NotSupportedException();
    public string? get_CachedAcceleratorKey() => throw new NotSupportedException();
    public string? get_CachedAccessKey() => throw new NotSupportedException();
    public bool get_CachedHasKeyboardFocus() => throw new NotSupportedException();
    public bool get_CachedIsKeyboardFocusable() => throw new NotSupportedException();
    public bool get_CachedIsEnabled() => throw new NotSupportedException();
    public string? get_CachedAutomationId() => throw new NotSupportedException();
    public string? get_CachedClassName() => throw new NotSupportedException();
    public string? get_CachedHelpText() => throw new NotSupportedException();
    public int get_CachedCulture() => throw new NotSupportedException();
    public bool get_CachedIsControlElement() => throw new NotSupportedException();
    public bool get_CachedIsContentElement() => throw new NotSupportedException();
    public bool get_CachedIsPassword() => throw new NotSupportedException();
    public nint get_CachedNativeWindowHandle() => throw new NotSupportedException();
    public string? get_CachedItemType() => throw new NotSupportedException();
    public bool get_CachedIsOffscreen() => throw new NotSupportedException();
    public int get_CachedOrientation() => throw new NotSupportedException();
    public string? get_CachedFrameworkId() => throw new NotSupportedException();
    public bool get_CachedIsRequiredForForm() => throw new NotSupportedException();
    public string? get_CachedItemStatus() => throw new NotSupportedException();
    public UiaRect get_CachedBoundingRectangle() => Bounds;
    public IUIAutomationElement? get_CachedLabeledBy() => throw new NotSupportedException();
    public string? get_CachedAriaRole() => throw new NotSupportedException();
    public string? get_CachedAriaProperties() => throw new NotSupportedException();
    public bool get_CachedIsDataValidForForm() => throw new NotSupportedException();
    public IUIAutomationElementArray? get_CachedControllerFor() => throw new NotSupportedException();
    public IUIAutomationElementArray? get_CachedDescribedBy() => throw new NotSupportedException();
    public IUIAutomationElementArray? get_CachedFlowsTo() => throw new NotSupportedException();
    public string? get_CachedProviderDescription() => throw new NotSupportedException();
    public bool GetClickablePoint(out UiaPoint clickable)
    {
        clickable = new UiaPoint { X = Bounds.Left + (Bounds.Width / 2), Y = Bounds.Top + (Bounds.Height / 2) };
        return !Bounds.IsEmpty;
    }

    public FakeElement Add(params FakeElement[] children)
    {
        foreach (var child in children)
        {
            child.Parent = this;
            Children.Add(child);
        }

        return this;
    }

    /// <summary>Depth-first document order, as UIA's FindAll returns.</summary>
    public IEnumerable<FakeElement> Descendants() => Children.SelectMany(child => new[] { child }.Concat(child.Descendants()));

    // Ownership of what a VARIANT holds passes to the caller, as COM's [out] rules say: a fresh BSTR, an AddRef'd IUnknown.
    private UiaVariant PropertyValue(int propertyId) => propertyId switch
    {
        UiaPropertyIds.Name => Name is null ? default : UiaVariant.FromString(Name),
        UiaPropertyIds.AutomationId => AutomationId is null ? default : UiaVariant.FromString(AutomationId),
        UiaPropertyIds.ClassName => UiaVariant.FromString(ClassName),
        UiaPropertyIds.ControlType => UiaVariant.FromInt32(ControlType),
        UiaPropertyIds.IsEnabled => UiaVariant.FromBoolean(IsEnabled),
        UiaPropertyIds.IsOffscreen => UiaVariant.FromBoolean(IsOffscreen),
        UiaPropertyIds.HasKeyboardFocus or UiaPropertyIds.IsKeyboardFocusable => UiaVariant.FromBoolean(false),
        UiaPropertyIds.ToggleState => ToggleState is { } toggle ? UiaVariant.FromInt32(toggle) : NotSupported(),
        UiaPropertyIds.SelectionItemIsSelected => IsSelected is { } selected ? UiaVariant.FromBoolean(selected) : NotSupported(),
        UiaPropertyIds.ExpandCollapseState => ExpandState is { } expand ? UiaVariant.FromInt32(expand) : NotSupported(),
        UiaPropertyIds.IsValuePatternAvailable => UiaVariant.FromBoolean(ValueIsReadOnly is not null),
        UiaPropertyIds.ValueIsReadOnly => ValueIsReadOnly is { } readOnly ? UiaVariant.FromBoolean(readOnly) : NotSupported(),
        UiaPropertyIds.IsDialog => IsDialog is { } dialog ? UiaVariant.FromBoolean(dialog) : NotSupported(),
        _ => throw new ArgumentException($"the fake has no property {propertyId}"),
    };

    private static UiaVariant NotSupported() => new()
    {
        VarType = UiaVariant.VT_UNKNOWN,
        Data = Wrappers.GetOrCreateComInterfaceForObject(NotSupportedValue.Instance, CreateComInterfaceFlags.None),
    };
}

/// <summary>Stands in for UIA's ReservedNotSupportedValue: an IUnknown that means "this element has no such property".</summary>
[GeneratedComClass]
internal sealed partial class NotSupportedValue : IUIAutomationCondition
{
    public static readonly NotSupportedValue Instance = new();
}

[GeneratedComClass]
internal sealed partial class FakeElementArray(List<FakeElement> elements) : IUIAutomationElementArray
{
    public int get_Length() => elements.Count;

    public IUIAutomationElement GetElement(int index) => elements[index];
}
