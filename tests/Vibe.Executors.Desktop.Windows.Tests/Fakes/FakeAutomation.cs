using System.Globalization;
using System.Runtime.InteropServices.Marshalling;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Tests.Fakes;

/// <summary>A managed IUIAutomation whose condition factories record what they were asked for, as text.</summary>
[GeneratedComClass]
internal sealed partial class FakeAutomation : IUIAutomation
{
    /// <summary>The element every window handle opens to.</summary>
    public FakeElement? Root { get; set; }

    public FakeCacheRequest Cache { get; } = new();

    /// <summary>Methods that fail with E_NOTIMPL, as parts of Wine's UI Automation do.</summary>
    public HashSet<string> NotImplemented { get; } = [];

    public bool CompareElements(IUIAutomationElement el1, IUIAutomationElement el2) => throw new NotSupportedException();
    public bool CompareRuntimeIds(nint runtimeId1, nint runtimeId2) => throw new NotSupportedException();
    public IUIAutomationElement GetRootElement() => throw new NotSupportedException();
    public IUIAutomationElement? ElementFromHandle(nint hwnd) => Root;
    public IUIAutomationElement? ElementFromPoint(UiaPoint pt) => throw new NotSupportedException();
    public IUIAutomationElement? GetFocusedElement() => throw new NotSupportedException();
    public IUIAutomationElement GetRootElementBuildCache(IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationElement? ElementFromHandleBuildCache(nint hwnd, IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationElement? ElementFromPointBuildCache(UiaPoint pt, IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationElement? GetFocusedElementBuildCache(IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationTreeWalker CreateTreeWalker(IUIAutomationCondition pCondition) => throw new NotSupportedException();
    public IUIAutomationTreeWalker get_ControlViewWalker() => Check(nameof(get_ControlViewWalker), new FakeWalker());
    public IUIAutomationTreeWalker get_ContentViewWalker() => throw new NotSupportedException();
    public IUIAutomationTreeWalker get_RawViewWalker() => throw new NotSupportedException();
    public IUIAutomationCondition get_RawViewCondition() => throw new NotSupportedException();
    public IUIAutomationCondition get_ControlViewCondition() => throw new NotSupportedException();
    public IUIAutomationCondition get_ContentViewCondition() => throw new NotSupportedException();
    public IUIAutomationCacheRequest CreateCacheRequest() => Check(nameof(CreateCacheRequest), Cache);
    public IUIAutomationCondition CreateTrueCondition() => new FakeCondition("TRUE");
    public IUIAutomationCondition CreateFalseCondition() => throw new NotSupportedException();
    public IUIAutomationCondition CreatePropertyCondition(int propertyId, UiaVariant value) => Check(nameof(CreatePropertyCondition), new FakeCondition(Describe(propertyId, value, ignoreCase: false)));
    public IUIAutomationCondition CreatePropertyConditionEx(int propertyId, UiaVariant value, PropertyConditionFlags flags) =>
        Check(nameof(CreatePropertyConditionEx), new FakeCondition(Describe(propertyId, value, flags == PropertyConditionFlags.IgnoreCase)));

    private T Check<T>(string method, T result) => NotImplemented.Contains(method) ? throw new NotImplementedException() : result;

    public IUIAutomationCondition CreateAndCondition(IUIAutomationCondition condition1, IUIAutomationCondition condition2) =>
        new FakeCondition($"AND({((FakeCondition)condition1).Text}, {((FakeCondition)condition2).Text})");
    public IUIAutomationCondition CreateAndConditionFromArray(nint conditions) => throw new NotSupportedException();
    public IUIAutomationCondition CreateAndConditionFromNativeArray(nint conditions, int conditionCount) => throw new NotSupportedException();
    public IUIAutomationCondition CreateOrCondition(IUIAutomationCondition condition1, IUIAutomationCondition condition2) =>
        new FakeCondition($"OR({((FakeCondition)condition1).Text}, {((FakeCondition)condition2).Text})");
    public IUIAutomationCondition CreateOrConditionFromArray(nint conditions) => throw new NotSupportedException();
    public IUIAutomationCondition CreateOrConditionFromNativeArray(nint conditions, int conditionCount) => throw new NotSupportedException();
    public IUIAutomationCondition CreateNotCondition(IUIAutomationCondition condition) => throw new NotSupportedException();
    public void AddAutomationEventHandler(int eventId, IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler) => throw new NotSupportedException();
    public void RemoveAutomationEventHandler(int eventId, IUIAutomationElement element, nint handler) => throw new NotSupportedException();
    public void AddPropertyChangedEventHandlerNativeArray(IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler, nint propertyArray, int propertyCount) => throw new NotSupportedException();
    public void AddPropertyChangedEventHandler(IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler, nint propertyArray) => throw new NotSupportedException();
    public void RemovePropertyChangedEventHandler(IUIAutomationElement element, nint handler) => throw new NotSupportedException();
    public void AddStructureChangedEventHandler(IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler) => throw new NotSupportedException();
    public void RemoveStructureChangedEventHandler(IUIAutomationElement element, nint handler) => throw new NotSupportedException();
    public void AddFocusChangedEventHandler(nint cacheRequest, nint handler) => throw new NotSupportedException();
    public void RemoveFocusChangedEventHandler(nint handler) => throw new NotSupportedException();
    public void RemoveAllEventHandlers() => throw new NotSupportedException();
    public nint IntNativeArrayToSafeArray(nint array, int arrayCount) => throw new NotSupportedException();
    public int IntSafeArrayToNativeArray(nint intArray, out nint array) => throw new NotSupportedException();
    public UiaVariant RectToVariant(UiaRect rc) => throw new NotSupportedException();
    public UiaRect VariantToRect(UiaVariant var) => throw new NotSupportedException();
    public int SafeArrayToRectNativeArray(nint rects, out nint rectArray) => throw new NotSupportedException();
    public nint CreateProxyFactoryEntry(nint factory) => throw new NotSupportedException();
    public nint get_ProxyFactoryMapping() => throw new NotSupportedException();
    public string GetPropertyProgrammaticName(int property) => throw new NotSupportedException();
    public string GetPatternProgrammaticName(int pattern) => throw new NotSupportedException();
    public void PollForPotentialSupportedPatterns(IUIAutomationElement pElement, out nint patternIds, out nint patternNames) => throw new NotSupportedException();
    public void PollForPotentialSupportedProperties(IUIAutomationElement pElement, out nint propertyIds, out nint propertyNames) => throw new NotSupportedException();
    public bool CheckNotSupported(UiaVariant value) => throw new NotSupportedException();
    public nint get_ReservedNotSupportedValue() => throw new NotSupportedException();
    public nint get_ReservedMixedAttributeValue() => throw new NotSupportedException();
    public IUIAutomationElement ElementFromIAccessible(nint accessible, int childId) => throw new NotSupportedException();
    public IUIAutomationElement ElementFromIAccessibleBuildCache(nint accessible, int childId, IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();

    private static string Describe(int propertyId, UiaVariant value, bool ignoreCase)
    {
        var text = value.VarType switch
        {
            UiaVariant.VT_I4 => value.AsInt32().ToString(CultureInfo.InvariantCulture),
            UiaVariant.VT_BOOL => value.AsBoolean() ? "true" : "false",
            UiaVariant.VT_BSTR => $"\"{value.AsString()}\"",
            _ => $"vt{value.VarType}",
        };
        return $"{propertyId}{(ignoreCase ? "~=" : "=")}{text}";
    }
}

[GeneratedComClass]
internal sealed partial class FakeCondition(string text) : IUIAutomationCondition
{
    public string Text { get; } = text;
}

[GeneratedComClass]
internal sealed partial class FakeInvokePattern : IUIAutomationInvokePattern
{
    public int Invoked { get; private set; }

    public void Invoke() => Invoked++;
}

[GeneratedComClass]
internal sealed partial class FakeValuePattern : IUIAutomationValuePattern
{
    public string? Value { get; set; }

    public bool IsReadOnly { get; set; }

    public void SetValue(string val) => Value = val;

    public string? get_CurrentValue() => Value;

    public bool get_CurrentIsReadOnly() => IsReadOnly;

    public string? get_CachedValue() => throw new NotSupportedException();

    public bool get_CachedIsReadOnly() => throw new NotSupportedException();
}

[GeneratedComClass]
internal sealed partial class FakeCacheRequest : IUIAutomationCacheRequest
{
    /// <summary>Set to refuse the IsDialog property, as systems before Windows 10 1809 do.</summary>
    public bool RefuseIsDialog { get; set; }

    public List<int> Properties { get; } = [];

    public void AddProperty(int propertyId)
    {
        if (RefuseIsDialog && propertyId == UiaPropertyIds.IsDialog)
        {
            throw new ArgumentException("unknown property");
        }

        Properties.Add(propertyId);
    }

    public void AddPattern(int patternId) => throw new NotSupportedException();

    public IUIAutomationCacheRequest Clone() => throw new NotSupportedException();

    public TreeScope get_TreeScope() => TreeScope.Element;

    public void put_TreeScope(TreeScope scope) => throw new NotSupportedException();

    public IUIAutomationCondition get_TreeFilter() => throw new NotSupportedException();

    public void put_TreeFilter(IUIAutomationCondition filter) => throw new NotSupportedException();

    public AutomationElementMode get_AutomationElementMode() => AutomationElementMode.Full;

    public void put_AutomationElementMode(AutomationElementMode mode) => throw new NotSupportedException();
}

/// <summary>Walks the fakes' own parent and child links (every fake is a control element).</summary>
[GeneratedComClass]
internal sealed partial class FakeWalker : IUIAutomationTreeWalker
{
    public IUIAutomationElement? GetParentElement(IUIAutomationElement element) => ((FakeElement)element).Parent;

    public IUIAutomationElement? GetFirstChildElement(IUIAutomationElement element) => ((FakeElement)element).Children.FirstOrDefault();

    public IUIAutomationElement? GetLastChildElement(IUIAutomationElement element) => ((FakeElement)element).Children.LastOrDefault();

    public IUIAutomationElement? GetNextSiblingElement(IUIAutomationElement element) => Sibling((FakeElement)element, 1);

    public IUIAutomationElement? GetPreviousSiblingElement(IUIAutomationElement element) => Sibling((FakeElement)element, -1);

    public IUIAutomationElement? NormalizeElement(IUIAutomationElement element) => element;

    public IUIAutomationElement? GetParentElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest) => GetParentElement(element);

    public IUIAutomationElement? GetFirstChildElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest) => GetFirstChildElement(element);

    public IUIAutomationElement? GetLastChildElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest) => GetLastChildElement(element);

    public IUIAutomationElement? GetNextSiblingElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest) => GetNextSiblingElement(element);

    public IUIAutomationElement? GetPreviousSiblingElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest) => GetPreviousSiblingElement(element);

    public IUIAutomationElement? NormalizeElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest) => element;

    public IUIAutomationCondition get_Condition() => new FakeCondition("CONTROL VIEW");

    private static FakeElement? Sibling(FakeElement element, int step)
    {
        var siblings = element.Parent?.Children;
        var index = siblings?.IndexOf(element) ?? -1;
        return siblings is not null && index + step >= 0 && index + step < siblings.Count ? siblings[index + step] : null;
    }
}

[GeneratedComClass]
internal sealed partial class FakeTogglePattern : IUIAutomationTogglePattern
{
    public int Toggled { get; private set; }

    public void Toggle() => Toggled++;

    public ToggleState get_CurrentToggleState() => Toggled % 2 == 1 ? ToggleState.On : ToggleState.Off;

    public ToggleState get_CachedToggleState() => throw new NotSupportedException();
}

[GeneratedComClass]
internal sealed partial class FakeSelectionItemPattern : IUIAutomationSelectionItemPattern
{
    public bool Selected { get; private set; }

    public void Select() => Selected = true;

    public void AddToSelection() => throw new NotSupportedException();

    public void RemoveFromSelection() => throw new NotSupportedException();

    public bool get_CurrentIsSelected() => Selected;

    public IUIAutomationElement? get_CurrentSelectionContainer() => null;

    public bool get_CachedIsSelected() => throw new NotSupportedException();

    public IUIAutomationElement? get_CachedSelectionContainer() => throw new NotSupportedException();
}

[GeneratedComClass]
internal sealed partial class FakeExpandCollapsePattern : IUIAutomationExpandCollapsePattern
{
    public ExpandCollapseState State { get; set; } = ExpandCollapseState.Collapsed;

    public List<string> Calls { get; } = [];

    public void Expand()
    {
        Calls.Add("expand");
        State = ExpandCollapseState.Expanded;
    }

    public void Collapse()
    {
        Calls.Add("collapse");
        State = ExpandCollapseState.Collapsed;
    }

    public ExpandCollapseState get_CurrentExpandCollapseState() => State;

    public ExpandCollapseState get_CachedExpandCollapseState() => throw new NotSupportedException();
}
