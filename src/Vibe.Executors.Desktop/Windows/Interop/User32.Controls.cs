using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>Child windows (controls) and the window messages the Win32 element framework drives them with.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class User32
{
    public const uint WM_SETTEXT = 0x000C;
    public const uint WM_GETTEXT = 0x000D;
    public const uint WM_GETTEXTLENGTH = 0x000E;
    public const uint WM_COMMAND = 0x0111;
    public const uint BM_GETCHECK = 0x00F0;
    public const uint BM_CLICK = 0x00F5;
    public const uint CB_GETCOUNT = 0x0146;
    public const uint CB_GETCURSEL = 0x0147;
    public const uint CB_GETLBTEXT = 0x0148;
    public const uint CB_GETLBTEXTLEN = 0x0149;
    public const uint CB_SETCURSEL = 0x014E;
    public const uint LB_SETCURSEL = 0x0186;
    public const uint LB_GETCURSEL = 0x0188;
    public const uint LB_GETTEXT = 0x0189;
    public const uint LB_GETTEXTLEN = 0x018A;
    public const uint LB_GETCOUNT = 0x018B;
    public const int CBN_SELCHANGE = 1;
    public const int LBN_SELCHANGE = 1;
    public const int GWL_STYLE = -16;
    public const uint SMTO_ABORTIFHUNG = 0x0002;
    public const uint GA_ROOT = 2;

    [LibraryImport("user32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool EnumChildWindows(nint parent, delegate* unmanaged<nint, nint, int> callback, nint lParam);

    [LibraryImport("user32.dll", SetLastError = true)]
    public static partial nint SendMessageTimeoutW(nint hwnd, uint message, nint wParam, nint lParam, uint flags, uint timeout, out nint result);

    [LibraryImport("user32.dll")]
    public static partial int GetDlgCtrlID(nint hwnd);

    [LibraryImport("user32.dll", SetLastError = true)]
    public static partial int GetWindowLongW(nint hwnd, int index);

    [LibraryImport("user32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool IsWindowEnabled(nint hwnd);

    [LibraryImport("user32.dll")]
    public static partial nint GetParent(nint hwnd);

    [LibraryImport("user32.dll")]
    public static partial nint GetAncestor(nint hwnd, uint flags);

    [LibraryImport("user32.dll")]
    public static partial nint SetFocus(nint hwnd);

    [LibraryImport("user32.dll")]
    public static partial nint GetFocus();
}
