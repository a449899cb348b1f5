using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Windows.Win32;

/// <summary>A control found through the Win32 framework (<c>win32:</c> selectors): a child window handle.</summary>
internal sealed class Win32Element(DesktopWindow window, ElementInfo info, nint handle) : DesktopElement(window, info)
{
    public nint Handle { get; } = handle;
}
