using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Session;

/// <summary>Reads <see cref="WindowsSessionFacts"/> from Terminal Services, the window station and the display.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe class WindowsSessionProbe
{
    private const int WTS_PROTOCOL_CONSOLE = 0;
    private const int WTS_PROTOCOL_RDP = 2;
    private const int WTS_SESSIONSTATE_LOCK = 0;
    private const int WTS_SESSIONSTATE_UNLOCK = 1;

    public static WindowsSessionFacts Read()
    {
        var sessionId = Kernel32.ProcessIdToSessionId((uint)Environment.ProcessId, out var id) ? id : 0;
        var (desktop, error) = InputDesktopName();
        return new WindowsSessionFacts(
            sessionId,
            Connection(),
            ConnectState(),
            IsLocked(),
            desktop,
            error,
            VirtualScreen(),
            User32.GetSystemMetrics(User32.SM_CMONITORS),
            SystemDpi());
    }

    /// <summary>The virtual screen in physical pixels (the process is per-monitor DPI aware).</summary>
    public static ScreenRect VirtualScreen() => new(
        User32.GetSystemMetrics(User32.SM_XVIRTUALSCREEN),
        User32.GetSystemMetrics(User32.SM_YVIRTUALSCREEN),
        User32.GetSystemMetrics(User32.SM_CXVIRTUALSCREEN),
        User32.GetSystemMetrics(User32.SM_CYVIRTUALSCREEN));

    private static uint SystemDpi()
    {
        try
        {
            return User32.GetDpiForSystem();
        }
        catch (EntryPointNotFoundException)
        {
            const int LOGPIXELSX = 88;
            var screen = User32.GetDC(0);
            try
            {
                return (uint)Gdi32.GetDeviceCaps(screen, LOGPIXELSX);
            }
            finally
            {
                User32.ReleaseDC(0, screen);
            }
        }
    }

    private static string Connection()
    {
        var protocol = QueryUShort(Wtsapi32.WTSClientProtocolType);
        return protocol switch
        {
            WTS_PROTOCOL_CONSOLE => User32.GetSystemMetrics(User32.SM_REMOTESESSION) != 0 ? "remote" : "console",
            WTS_PROTOCOL_RDP => "rdp",
            null => User32.GetSystemMetrics(User32.SM_REMOTESESSION) != 0 ? "rdp" : "console",
            _ => $"protocol {protocol}",
        };
    }

    private static WtsConnectState? ConnectState()
    {
        if (!Wtsapi32.WTSQuerySessionInformationW(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, Wtsapi32.WTS_CURRENT_SESSION, Wtsapi32.WTSConnectState, out var buffer, out var size))
        {
            return null;
        }

        try
        {
            return size >= sizeof(int) ? (WtsConnectState)Marshal.ReadInt32(buffer) : null;
        }
        finally
        {
            Wtsapi32.WTSFreeMemory(buffer);
        }
    }

    // WTSINFOEXW: DWORD Level, then the level-1 union aligned to 8 (it holds LARGE_INTEGERs):
    // SessionId at 8, SessionState at 12, SessionFlags at 16.
    private static bool? IsLocked()
    {
        if (!Wtsapi32.WTSQuerySessionInformationW(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, Wtsapi32.WTS_CURRENT_SESSION, Wtsapi32.WTSSessionInfoEx, out var buffer, out var size))
        {
            return null;
        }

        try
        {
            if (size < 20 || Marshal.ReadInt32(buffer) != 1)
            {
                return null;
            }

            return Marshal.ReadInt32(buffer, 16) switch
            {
                WTS_SESSIONSTATE_LOCK => true,
                WTS_SESSIONSTATE_UNLOCK => false,
                _ => null,
            };
        }
        finally
        {
            Wtsapi32.WTSFreeMemory(buffer);
        }
    }

    private static ushort? QueryUShort(int infoClass)
    {
        if (!Wtsapi32.WTSQuerySessionInformationW(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, Wtsapi32.WTS_CURRENT_SESSION, infoClass, out var buffer, out var size))
        {
            return null;
        }

        try
        {
            return size >= sizeof(ushort) ? (ushort)Marshal.ReadInt16(buffer) : null;
        }
        finally
        {
            Wtsapi32.WTSFreeMemory(buffer);
        }
    }

    // The input desktop is "Default" while the user works and "Winlogon" while locked or at the secure prompt;
    // a process that may not switch to it (locked, disconnected, a service) cannot open it at all.
    private static (string? Name, int Error) InputDesktopName()
    {
        var desktop = User32.OpenInputDesktop(0, false, User32.DESKTOP_SWITCHDESKTOP);
        if (desktop == 0)
        {
            return (null, Marshal.GetLastPInvokeError());
        }

        try
        {
            var name = stackalloc char[256];
            return User32.GetUserObjectInformationW(desktop, User32.UOI_NAME, name, 512, out _)
                ? (new string(name), 0)
                : (null, Marshal.GetLastPInvokeError());
        }
        finally
        {
            User32.CloseDesktop(desktop);
        }
    }
}
