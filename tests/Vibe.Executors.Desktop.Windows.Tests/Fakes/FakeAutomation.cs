using System.Globalization;
using System.Runtime.InteropServices.Marshalling;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Tests.Fakes;

/// <summary>A managed IUIAutomation whose condition factories record what they were asked for, as text.</summary>
[GeneratedComClass]
internal sealed partial class FakeAutomation : IUIAutomation
{
    public bool CompareElements(IUIAutomationElement el1, IUIAutomationElement el2) => throw new NotSupportedException();
    public bool CompareRuntimeIds(nint runtimeId1, nint runtimeId2) => throw new NotSupportedException();
    public IUIAutomationElement GetRootElement() => throw new NotSupportedException();
    public IUIAutomationElement? ElementFromHandle(nint hwnd) => throw new NotSupportedException();
    public IUIAutomationElement? ElementFromPoint(UiaPoint pt) => throw new NotSupportedException();
    public IUIAutomationElement? GetFocusedElement() => throw new NotSupportedException();
    public IUIAutomationElement GetRootElementBuildCache(IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationElement? ElementFromHandleBuildCache(nint hwnd, IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationElement? ElementFromPointBuildCache(UiaPoint pt, IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationElement? GetFocusedElementBuildCache(IUIAutomationCacheRequest cacheRequest) => throw new NotSupportedException();
    public IUIAutomationTreeWalker CreateTreeWalker(IUIAutomationCondition pCondition) => throw new NotSupportedException();
    public IUIAutomationTreeWalker get_ControlViewWalker() => throw new NotSupportedException();
    public IUIAutomationTreeWalker get_ContentViewWalker() => throw new NotSupportedException();
    public IUIAutomationTreeWalker get_RawViewWalker() => throw new NotSupportedException();
    public IUIAutomationCondition get_RawViewCondition() => throw new NotSupportedException();
    public IUIAutomationCondition get_ControlViewCondition() => throw new NotSupportedException();
    public IUIAutomationCondition get_ContentViewCondition() => throw new NotSupportedException();
    public IUIAutomationCacheRequest CreateCacheRequest() => throw new NotSupportedException();
    public IUIAutomationCondition CreateTrueCondition() => new FakeCondition("TRUE");
    public IUIAutomationCondition CreateFalseCondition() => throw new NotSupportedException();
    public IUIAutomationCondition CreatePropertyCondition(int propertyId, UiaVariant value) => new FakeCondition(Describe(propertyId, value, ignoreCase: false));
    public IUIAutomationCondition CreatePropertyConditionEx(int propertyId, UiaVariant value, PropertyConditionFlags flags) =>
        new FakeCondition(Describe(propertyId, value, flags == PropertyConditionFlags.IgnoreCase));
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
