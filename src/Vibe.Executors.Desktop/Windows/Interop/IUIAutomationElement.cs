using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>UIAutomationClient.h's IUIAutomationElement: 82 slots after IUnknown, in the header's order.</summary>
[GeneratedComInterface]
[Guid("D22108AA-8AC5-49A5-837B-37BBB3D7591E")]
internal partial interface IUIAutomationElement
{
    void SetFocus();

    nint GetRuntimeId();

    IUIAutomationElement? FindFirst(TreeScope scope, IUIAutomationCondition condition);

    IUIAutomationElementArray? FindAll(TreeScope scope, IUIAutomationCondition condition);

    IUIAutomationElement? FindFirstBuildCache(TreeScope scope, IUIAutomationCondition condition, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElementArray? FindAllBuildCache(TreeScope scope, IUIAutomationCondition condition, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement BuildUpdatedCache(IUIAutomationCacheRequest cacheRequest);

    UiaVariant GetCurrentPropertyValue(int propertyId);

    UiaVariant GetCurrentPropertyValueEx(int propertyId, [MarshalAs(UnmanagedType.Bool)] bool ignoreDefaultValue);

    UiaVariant GetCachedPropertyValue(int propertyId);

    UiaVariant GetCachedPropertyValueEx(int propertyId, [MarshalAs(UnmanagedType.Bool)] bool ignoreDefaultValue);

    nint GetCurrentPatternAs(int patternId, in Guid riid);

    nint GetCachedPatternAs(int patternId, in Guid riid);

    nint GetCurrentPattern(int patternId);

    nint GetCachedPattern(int patternId);

    IUIAutomationElement? GetCachedParent();

    IUIAutomationElementArray? GetCachedChildren();

    int get_CurrentProcessId();

    int get_CurrentControlType();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentLocalizedControlType();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentName();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentAcceleratorKey();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentAccessKey();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentHasKeyboardFocus();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsKeyboardFocusable();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsEnabled();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentAutomationId();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentClassName();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentHelpText();

    int get_CurrentCulture();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsControlElement();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsContentElement();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsPassword();

    nint get_CurrentNativeWindowHandle();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentItemType();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsOffscreen();

    int get_CurrentOrientation();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentFrameworkId();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsRequiredForForm();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentItemStatus();

    UiaRect get_CurrentBoundingRectangle();

    IUIAutomationElement? get_CurrentLabeledBy();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentAriaRole();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentAriaProperties();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsDataValidForForm();

    IUIAutomationElementArray? get_CurrentControllerFor();

    IUIAutomationElementArray? get_CurrentDescribedBy();

    IUIAutomationElementArray? get_CurrentFlowsTo();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentProviderDescription();

    int get_CachedProcessId();

    int get_CachedControlType();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedLocalizedControlType();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedName();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedAcceleratorKey();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedAccessKey();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedHasKeyboardFocus();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsKeyboardFocusable();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsEnabled();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedAutomationId();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedClassName();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedHelpText();

    int get_CachedCulture();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsControlElement();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsContentElement();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsPassword();

    nint get_CachedNativeWindowHandle();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedItemType();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsOffscreen();

    int get_CachedOrientation();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedFrameworkId();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsRequiredForForm();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedItemStatus();

    UiaRect get_CachedBoundingRectangle();

    IUIAutomationElement? get_CachedLabeledBy();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedAriaRole();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedAriaProperties();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsDataValidForForm();

    IUIAutomationElementArray? get_CachedControllerFor();

    IUIAutomationElementArray? get_CachedDescribedBy();

    IUIAutomationElementArray? get_CachedFlowsTo();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedProviderDescription();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool GetClickablePoint(out UiaPoint clickable);
}

/// <summary>UIAutomationClient.h's IUIAutomationElementArray.</summary>
[GeneratedComInterface]
[Guid("14314595-B4BC-4055-95F2-58F2E42C9855")]
internal partial interface IUIAutomationElementArray
{
    int get_Length();

    IUIAutomationElement GetElement(int index);
}
