using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>
/// UIAutomationClient.h's IUIAutomation, every slot in the header's order (see <see cref="UiaSlotTable"/>).
/// Slots vibe does not call keep their place with pointer-typed parameters (SAFEARRAY, handlers, IAccessible).
/// </summary>
[GeneratedComInterface]
[Guid("30CBE57D-D9D0-452A-AB13-7AC5AC4825EE")]
internal partial interface IUIAutomation
{
    [return: MarshalAs(UnmanagedType.Bool)]
    bool CompareElements(IUIAutomationElement el1, IUIAutomationElement el2);

    [return: MarshalAs(UnmanagedType.Bool)]
    bool CompareRuntimeIds(nint runtimeId1, nint runtimeId2);

    IUIAutomationElement GetRootElement();

    IUIAutomationElement? ElementFromHandle(nint hwnd);

    IUIAutomationElement? ElementFromPoint(UiaPoint pt);

    IUIAutomationElement? GetFocusedElement();

    IUIAutomationElement GetRootElementBuildCache(IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? ElementFromHandleBuildCache(nint hwnd, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? ElementFromPointBuildCache(UiaPoint pt, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? GetFocusedElementBuildCache(IUIAutomationCacheRequest cacheRequest);

    IUIAutomationTreeWalker CreateTreeWalker(IUIAutomationCondition pCondition);

    IUIAutomationTreeWalker get_ControlViewWalker();

    IUIAutomationTreeWalker get_ContentViewWalker();

    IUIAutomationTreeWalker get_RawViewWalker();

    IUIAutomationCondition get_RawViewCondition();

    IUIAutomationCondition get_ControlViewCondition();

    IUIAutomationCondition get_ContentViewCondition();

    IUIAutomationCacheRequest CreateCacheRequest();

    IUIAutomationCondition CreateTrueCondition();

    IUIAutomationCondition CreateFalseCondition();

    IUIAutomationCondition CreatePropertyCondition(int propertyId, UiaVariant value);

    IUIAutomationCondition CreatePropertyConditionEx(int propertyId, UiaVariant value, PropertyConditionFlags flags);

    IUIAutomationCondition CreateAndCondition(IUIAutomationCondition condition1, IUIAutomationCondition condition2);

    IUIAutomationCondition CreateAndConditionFromArray(nint conditions);

    IUIAutomationCondition CreateAndConditionFromNativeArray(nint conditions, int conditionCount);

    IUIAutomationCondition CreateOrCondition(IUIAutomationCondition condition1, IUIAutomationCondition condition2);

    IUIAutomationCondition CreateOrConditionFromArray(nint conditions);

    IUIAutomationCondition CreateOrConditionFromNativeArray(nint conditions, int conditionCount);

    IUIAutomationCondition CreateNotCondition(IUIAutomationCondition condition);

    void AddAutomationEventHandler(int eventId, IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler);

    void RemoveAutomationEventHandler(int eventId, IUIAutomationElement element, nint handler);

    void AddPropertyChangedEventHandlerNativeArray(IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler, nint propertyArray, int propertyCount);

    void AddPropertyChangedEventHandler(IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler, nint propertyArray);

    void RemovePropertyChangedEventHandler(IUIAutomationElement element, nint handler);

    void AddStructureChangedEventHandler(IUIAutomationElement element, TreeScope scope, nint cacheRequest, nint handler);

    void RemoveStructureChangedEventHandler(IUIAutomationElement element, nint handler);

    void AddFocusChangedEventHandler(nint cacheRequest, nint handler);

    void RemoveFocusChangedEventHandler(nint handler);

    void RemoveAllEventHandlers();

    nint IntNativeArrayToSafeArray(nint array, int arrayCount);

    int IntSafeArrayToNativeArray(nint intArray, out nint array);

    UiaVariant RectToVariant(UiaRect rc);

    UiaRect VariantToRect(UiaVariant var);

    int SafeArrayToRectNativeArray(nint rects, out nint rectArray);

    nint CreateProxyFactoryEntry(nint factory);

    nint get_ProxyFactoryMapping();

    [return: MarshalAs(UnmanagedType.BStr)]
    string GetPropertyProgrammaticName(int property);

    [return: MarshalAs(UnmanagedType.BStr)]
    string GetPatternProgrammaticName(int pattern);

    void PollForPotentialSupportedPatterns(IUIAutomationElement pElement, out nint patternIds, out nint patternNames);

    void PollForPotentialSupportedProperties(IUIAutomationElement pElement, out nint propertyIds, out nint propertyNames);

    [return: MarshalAs(UnmanagedType.Bool)]
    bool CheckNotSupported(UiaVariant value);

    nint get_ReservedNotSupportedValue();

    nint get_ReservedMixedAttributeValue();

    IUIAutomationElement ElementFromIAccessible(nint accessible, int childId);

    IUIAutomationElement ElementFromIAccessibleBuildCache(nint accessible, int childId, IUIAutomationCacheRequest cacheRequest);
}
