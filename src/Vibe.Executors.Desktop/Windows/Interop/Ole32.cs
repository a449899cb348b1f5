using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Vibe.Executors.Desktop.Windows.Interop;

[SupportedOSPlatform("windows")]
internal static partial class Ole32
{
    public const uint COINIT_MULTITHREADED = 0x0;
    public const uint CLSCTX_INPROC_SERVER = 0x1;

    /// <summary>CUIAutomation8: the UIA3 client with the Windows 8+ behaviour (connection timeouts, recovery).</summary>
    public static readonly Guid CLSID_CUIAutomation8 = new("E22AD333-B25F-460C-83D0-0581107395C9");

    public static readonly Guid CLSID_CUIAutomation = new("FF48DBA4-60EF-4201-AA87-54103EEF594E");

    [LibraryImport("ole32.dll")]
    public static partial int CoInitializeEx(nint reserved, uint coInit);

    [LibraryImport("ole32.dll")]
    public static partial int CoCreateInstance(in Guid clsid, nint outer, uint context, in Guid iid, out nint instance);
}

[SupportedOSPlatform("windows")]
internal static partial class Dwmapi
{
    public const int DWMWA_EXTENDED_FRAME_BOUNDS = 9;
    public const int DWMWA_CLOAKED = 14;

    [LibraryImport("dwmapi.dll")]
    public static partial int DwmGetWindowAttribute(nint hwnd, int attribute, out UiaRect value, int size);

    [LibraryImport("dwmapi.dll")]
    public static partial int DwmGetWindowAttribute(nint hwnd, int attribute, out int value, int size);
}

[SupportedOSPlatform("windows")]
internal static partial class OleAut32
{
    [LibraryImport("oleaut32.dll")]
    public static partial int SafeArrayDestroy(nint array);
}
