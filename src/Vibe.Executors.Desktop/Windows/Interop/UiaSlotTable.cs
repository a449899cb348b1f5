namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>One COM interface as UIAutomationClient.h lays out its vtable.</summary>
/// <param name="Name">The interface's name in the header (and of the C# interface that binds it).</param>
/// <param name="Iid">Its IID.</param>
/// <param name="Base">The interface it extends; its slots come first.</param>
/// <param name="Methods">Its own slots after the base's, named as the header's C vtable names them (get_/put_ for properties).</param>
internal sealed record UiaInterfaceSlots(string Name, Guid Iid, string Base, IReadOnlyList<string> Methods);

/// <summary>
/// The vtable order the declarations in this folder must follow, transcribed from the Windows SDK's
/// UIAutomationClient.h / UIAutomationClient.idl. A COM call goes to a slot by position, so a method declared one
/// place off calls the wrong native function with the wrong arguments; the Windows tests compare every declared
/// interface with this table by reflection.
/// </summary>
internal static class UiaSlotTable
{
    public static IReadOnlyList<UiaInterfaceSlots> Interfaces { get; } =
    [
        new("IUIAutomation", new Guid("30CBE57D-D9D0-452A-AB13-7AC5AC4825EE"), "IUnknown",
        [
            "CompareElements", "CompareRuntimeIds", "GetRootElement", "ElementFromHandle", "ElementFromPoint", "GetFocusedElement",
            "GetRootElementBuildCache", "ElementFromHandleBuildCache", "ElementFromPointBuildCache", "GetFocusedElementBuildCache",
            "CreateTreeWalker", "get_ControlViewWalker", "get_ContentViewWalker", "get_RawViewWalker",
            "get_RawViewCondition", "get_ControlViewCondition", "get_ContentViewCondition", "CreateCacheRequest",
            "CreateTrueCondition", "CreateFalseCondition", "CreatePropertyCondition", "CreatePropertyConditionEx",
            "CreateAndCondition", "CreateAndConditionFromArray", "CreateAndConditionFromNativeArray",
            "CreateOrCondition", "CreateOrConditionFromArray", "CreateOrConditionFromNativeArray", "CreateNotCondition",
            "AddAutomationEventHandler", "RemoveAutomationEventHandler", "AddPropertyChangedEventHandlerNativeArray",
            "AddPropertyChangedEventHandler", "RemovePropertyChangedEventHandler", "AddStructureChangedEventHandler",
            "RemoveStructureChangedEventHandler", "AddFocusChangedEventHandler", "RemoveFocusChangedEventHandler",
            "RemoveAllEventHandlers", "IntNativeArrayToSafeArray", "IntSafeArrayToNativeArray", "RectToVariant", "VariantToRect",
            "SafeArrayToRectNativeArray", "CreateProxyFactoryEntry", "get_ProxyFactoryMapping", "GetPropertyProgrammaticName",
            "GetPatternProgrammaticName", "PollForPotentialSupportedPatterns", "PollForPotentialSupportedProperties",
            "CheckNotSupported", "get_ReservedNotSupportedValue", "get_ReservedMixedAttributeValue", "ElementFromIAccessible",
            "ElementFromIAccessibleBuildCache",
        ]),
        new("IUIAutomationElement", new Guid("D22108AA-8AC5-49A5-837B-37BBB3D7591E"), "IUnknown",
        [
            "SetFocus", "GetRuntimeId", "FindFirst", "FindAll", "FindFirstBuildCache", "FindAllBuildCache", "BuildUpdatedCache",
            "GetCurrentPropertyValue", "GetCurrentPropertyValueEx", "GetCachedPropertyValue", "GetCachedPropertyValueEx",
            "GetCurrentPatternAs", "GetCachedPatternAs", "GetCurrentPattern", "GetCachedPattern", "GetCachedParent", "GetCachedChildren",
            .. ElementProperties("Current"),
            .. ElementProperties("Cached"),
            "GetClickablePoint",
        ]),
        new("IUIAutomationElementArray", new Guid("14314595-B4BC-4055-95F2-58F2E42C9855"), "IUnknown", ["get_Length", "GetElement"]),
        new("IUIAutomationCondition", new Guid("352FFBA8-0973-437C-A61F-F64CAFD81DF9"), "IUnknown", []),
        new("IUIAutomationPropertyCondition", new Guid("99EBF2CB-5578-4267-9AD4-AFD6EA77E94B"), "IUIAutomationCondition",
            ["get_PropertyId", "get_PropertyValue", "get_PropertyConditionFlags"]),
        new("IUIAutomationAndCondition", new Guid("A7D0AF36-B912-45FE-9855-091DDC174AEC"), "IUIAutomationCondition",
            ["get_ChildCount", "GetChildrenAsNativeArray", "GetChildren"]),
        new("IUIAutomationOrCondition", new Guid("8753F032-3DB1-47B5-A1FC-6E34A266C712"), "IUIAutomationCondition",
            ["get_ChildCount", "GetChildrenAsNativeArray", "GetChildren"]),
        new("IUIAutomationNotCondition", new Guid("F528B657-847B-498C-8896-D52B565407A1"), "IUIAutomationCondition", ["GetChild"]),
        new("IUIAutomationCacheRequest", new Guid("B32A92B5-BC25-4078-9C08-D7EE95C48E03"), "IUnknown",
        [
            "AddProperty", "AddPattern", "Clone", "get_TreeScope", "put_TreeScope", "get_TreeFilter", "put_TreeFilter",
            "get_AutomationElementMode", "put_AutomationElementMode",
        ]),
        new("IUIAutomationTreeWalker", new Guid("4042C624-389C-4AFC-A630-9DF854A541FC"), "IUnknown",
        [
            "GetParentElement", "GetFirstChildElement", "GetLastChildElement", "GetNextSiblingElement", "GetPreviousSiblingElement",
            "NormalizeElement", "GetParentElementBuildCache", "GetFirstChildElementBuildCache", "GetLastChildElementBuildCache",
            "GetNextSiblingElementBuildCache", "GetPreviousSiblingElementBuildCache", "NormalizeElementBuildCache", "get_Condition",
        ]),
        new("IUIAutomationInvokePattern", new Guid("FB377FBE-8EA6-46D5-9C73-6499642D3059"), "IUnknown", ["Invoke"]),
        new("IUIAutomationValuePattern", new Guid("A94CD8B1-0844-4CD6-9D2D-640537AB39E9"), "IUnknown",
            ["SetValue", "get_CurrentValue", "get_CurrentIsReadOnly", "get_CachedValue", "get_CachedIsReadOnly"]),
        new("IUIAutomationTogglePattern", new Guid("94CF8058-9B8D-4AB9-8BFD-4CD0A33C8C70"), "IUnknown",
            ["Toggle", "get_CurrentToggleState", "get_CachedToggleState"]),
        new("IUIAutomationSelectionItemPattern", new Guid("A8EFA66A-0FDA-421A-9194-38021F3578EA"), "IUnknown",
        [
            "Select", "AddToSelection", "RemoveFromSelection", "get_CurrentIsSelected", "get_CurrentSelectionContainer",
            "get_CachedIsSelected", "get_CachedSelectionContainer",
        ]),
        new("IUIAutomationExpandCollapsePattern", new Guid("619BE086-1F4E-4EE4-BAFA-210128738730"), "IUnknown",
            ["Expand", "Collapse", "get_CurrentExpandCollapseState", "get_CachedExpandCollapseState"]),
        new("IUIAutomationWindowPattern", new Guid("0FAEF453-9208-43EF-BBB2-3B485177864F"), "IUnknown",
        [
            "Close", "WaitForInputIdle", "SetWindowVisualState",
            "get_CurrentCanMaximize", "get_CurrentCanMinimize", "get_CurrentIsModal", "get_CurrentIsTopmost",
            "get_CurrentWindowVisualState", "get_CurrentWindowInteractionState",
            "get_CachedCanMaximize", "get_CachedCanMinimize", "get_CachedIsModal", "get_CachedIsTopmost",
            "get_CachedWindowVisualState", "get_CachedWindowInteractionState",
        ]),
        new("IUIAutomationTextPattern", new Guid("32EBA289-3583-42C9-9C59-3B6D9A1E9B6A"), "IUnknown",
            ["RangeFromPoint", "RangeFromChild", "GetSelection", "GetVisibleRanges", "get_DocumentRange", "get_SupportedTextSelection"]),
        new("IUIAutomationTextRange", new Guid("A543CC6A-F4AE-494B-8239-C814481187A8"), "IUnknown",
        [
            "Clone", "Compare", "CompareEndpoints", "ExpandToEnclosingUnit", "FindAttribute", "FindText", "GetAttributeValue",
            "GetBoundingRectangles", "GetEnclosingElement", "GetText", "Move", "MoveEndpointByUnit", "MoveEndpointByRange",
            "Select", "AddToSelection", "RemoveFromSelection", "ScrollIntoView", "GetChildren",
        ]),
        new("IUIAutomationTextRangeArray", new Guid("CE4AE76A-E717-4C98-81EA-47371D028EB6"), "IUnknown", ["get_Length", "GetElement"]),
    ];

    /// <summary>The 32 element properties, which the header lists once as Current and once as Cached, in this order.</summary>
    private static IEnumerable<string> ElementProperties(string prefix) =>
        new[]
        {
            "ProcessId", "ControlType", "LocalizedControlType", "Name", "AcceleratorKey", "AccessKey", "HasKeyboardFocus",
            "IsKeyboardFocusable", "IsEnabled", "AutomationId", "ClassName", "HelpText", "Culture", "IsControlElement",
            "IsContentElement", "IsPassword", "NativeWindowHandle", "ItemType", "IsOffscreen", "Orientation", "FrameworkId",
            "IsRequiredForForm", "ItemStatus", "BoundingRectangle", "LabeledBy", "AriaRole", "AriaProperties",
            "IsDataValidForForm", "ControllerFor", "DescribedBy", "FlowsTo", "ProviderDescription",
        }.Select(property => $"get_{prefix}{property}");
}
