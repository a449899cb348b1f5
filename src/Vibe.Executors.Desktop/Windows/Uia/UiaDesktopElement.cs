using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>
/// An element found through UI Automation. The generated wrapper releases the COM reference when it is
/// collected; it is not released here because wrappers are shared per COM identity, and an early release
/// would pull the object from under another holder of the same element.
/// </summary>
internal sealed class UiaDesktopElement : DesktopElement
{
    public UiaDesktopElement(DesktopWindow window, ElementInfo info, IUIAutomationElement element)
        : base(window, info)
    {
        Element = element;
    }

    public IUIAutomationElement Element { get; }
}
