using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Vibe.Executors.Desktop.Windows.Interop;

[GeneratedComInterface]
[Guid("FB377FBE-8EA6-46D5-9C73-6499642D3059")]
internal partial interface IUIAutomationInvokePattern
{
    void Invoke();
}

[GeneratedComInterface]
[Guid("A94CD8B1-0844-4CD6-9D2D-640537AB39E9")]
internal partial interface IUIAutomationValuePattern
{
    void SetValue([MarshalAs(UnmanagedType.BStr)] string val);

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CurrentValue();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsReadOnly();

    [return: MarshalAs(UnmanagedType.BStr)]
    string? get_CachedValue();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsReadOnly();
}

[GeneratedComInterface]
[Guid("94CF8058-9B8D-4AB9-8BFD-4CD0A33C8C70")]
internal partial interface IUIAutomationTogglePattern
{
    void Toggle();

    ToggleState get_CurrentToggleState();

    ToggleState get_CachedToggleState();
}

[GeneratedComInterface]
[Guid("A8EFA66A-0FDA-421A-9194-38021F3578EA")]
internal partial interface IUIAutomationSelectionItemPattern
{
    void Select();

    void AddToSelection();

    void RemoveFromSelection();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsSelected();

    IUIAutomationElement? get_CurrentSelectionContainer();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsSelected();

    IUIAutomationElement? get_CachedSelectionContainer();
}

[GeneratedComInterface]
[Guid("619BE086-1F4E-4EE4-BAFA-210128738730")]
internal partial interface IUIAutomationExpandCollapsePattern
{
    void Expand();

    void Collapse();

    ExpandCollapseState get_CurrentExpandCollapseState();

    ExpandCollapseState get_CachedExpandCollapseState();
}

[GeneratedComInterface]
[Guid("0FAEF453-9208-43EF-BBB2-3B485177864F")]
internal partial interface IUIAutomationWindowPattern
{
    void Close();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool WaitForInputIdle(int milliseconds);

    void SetWindowVisualState(WindowVisualState state);

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentCanMaximize();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentCanMinimize();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsModal();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CurrentIsTopmost();

    WindowVisualState get_CurrentWindowVisualState();

    int get_CurrentWindowInteractionState();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedCanMaximize();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedCanMinimize();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsModal();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool get_CachedIsTopmost();

    WindowVisualState get_CachedWindowVisualState();

    int get_CachedWindowInteractionState();
}
