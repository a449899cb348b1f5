using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Vibe.Executors.Desktop.Windows.Interop;

[GeneratedComInterface]
[Guid("32EBA289-3583-42C9-9C59-3B6D9A1E9B6A")]
internal partial interface IUIAutomationTextPattern
{
    IUIAutomationTextRange RangeFromPoint(UiaPoint pt);

    IUIAutomationTextRange RangeFromChild(IUIAutomationElement child);

    IUIAutomationTextRangeArray GetSelection();

    IUIAutomationTextRangeArray GetVisibleRanges();

    IUIAutomationTextRange get_DocumentRange();

    int get_SupportedTextSelection();
}

[GeneratedComInterface]
[Guid("A543CC6A-F4AE-494B-8239-C814481187A8")]
internal partial interface IUIAutomationTextRange
{
    IUIAutomationTextRange Clone();

    [return: MarshalAs(UnmanagedType.Bool)]
    bool Compare(IUIAutomationTextRange range);

    int CompareEndpoints(int srcEndPoint, IUIAutomationTextRange range, int targetEndPoint);

    void ExpandToEnclosingUnit(TextUnit textUnit);

    IUIAutomationTextRange? FindAttribute(int attr, UiaVariant val, [MarshalAs(UnmanagedType.Bool)] bool backward);

    IUIAutomationTextRange? FindText([MarshalAs(UnmanagedType.BStr)] string text, [MarshalAs(UnmanagedType.Bool)] bool backward, [MarshalAs(UnmanagedType.Bool)] bool ignoreCase);

    UiaVariant GetAttributeValue(int attr);

    nint GetBoundingRectangles();

    IUIAutomationElement? GetEnclosingElement();

    /// <summary>The range's text; -1 for no limit.</summary>
    [return: MarshalAs(UnmanagedType.BStr)]
    string? GetText(int maxLength);

    int Move(TextUnit unit, int count);

    int MoveEndpointByUnit(int endpoint, TextUnit unit, int count);

    void MoveEndpointByRange(int srcEndPoint, IUIAutomationTextRange range, int targetEndPoint);

    void Select();

    void AddToSelection();

    void RemoveFromSelection();

    void ScrollIntoView([MarshalAs(UnmanagedType.Bool)] bool alignToTop);

    IUIAutomationElementArray? GetChildren();
}

[GeneratedComInterface]
[Guid("CE4AE76A-E717-4C98-81EA-47371D028EB6")]
internal partial interface IUIAutomationTextRangeArray
{
    int get_Length();

    IUIAutomationTextRange GetElement(int index);
}
