using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>UIAutomationClient.h's IUIAutomationCondition: no methods of its own, the base of every condition.</summary>
[GeneratedComInterface]
[Guid("352FFBA8-0973-437C-A61F-F64CAFD81DF9")]
internal partial interface IUIAutomationCondition
{
}

[GeneratedComInterface]
[Guid("99EBF2CB-5578-4267-9AD4-AFD6EA77E94B")]
internal partial interface IUIAutomationPropertyCondition : IUIAutomationCondition
{
    int get_PropertyId();

    UiaVariant get_PropertyValue();

    PropertyConditionFlags get_PropertyConditionFlags();
}

[GeneratedComInterface]
[Guid("A7D0AF36-B912-45FE-9855-091DDC174AEC")]
internal partial interface IUIAutomationAndCondition : IUIAutomationCondition
{
    int get_ChildCount();

    void GetChildrenAsNativeArray(out nint childArray, out int childArrayCount);

    nint GetChildren();
}

[GeneratedComInterface]
[Guid("8753F032-3DB1-47B5-A1FC-6E34A266C712")]
internal partial interface IUIAutomationOrCondition : IUIAutomationCondition
{
    int get_ChildCount();

    void GetChildrenAsNativeArray(out nint childArray, out int childArrayCount);

    nint GetChildren();
}

[GeneratedComInterface]
[Guid("F528B657-847B-498C-8896-D52B565407A1")]
internal partial interface IUIAutomationNotCondition : IUIAutomationCondition
{
    IUIAutomationCondition GetChild();
}
