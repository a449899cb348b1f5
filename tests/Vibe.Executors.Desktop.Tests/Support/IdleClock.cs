using System.Runtime.InteropServices;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Tests.Support;

/// <summary>The X server's own idle timer (MIT-SCREEN-SAVER), the one a screen saver or lock acts on.</summary>
internal sealed partial class IdleClock : IDisposable
{
    private readonly nint _display;
    private readonly nint _info;

    public IdleClock(string display)
    {
        _display = Xlib.XOpenDisplay(display);
        if (_display == 0)
        {
            throw new InvalidOperationException($"cannot open {display}");
        }

        _info = XScreenSaverAllocInfo();
    }

    public TimeSpan Idle
    {
        get
        {
            if (XScreenSaverQueryInfo(_display, Xlib.XRootWindow(_display, Xlib.XDefaultScreen(_display)), _info) == 0)
            {
                throw new InvalidOperationException("the X server has no MIT-SCREEN-SAVER extension");
            }

            return TimeSpan.FromMilliseconds(Marshal.PtrToStructure<ScreenSaverInfo>(_info).Idle);
        }
    }

    public (int X, int Y) Pointer
    {
        get
        {
            Xlib.XQueryPointer(_display, Xlib.XRootWindow(_display, Xlib.XDefaultScreen(_display)), out _, out _, out var x, out var y, out _, out _, out _);
            return (x, y);
        }
    }

    public void Dispose()
    {
        Xlib.XFree(_info);
        Xlib.XCloseDisplay(_display);
    }

    [LibraryImport("libXss.so.1")]
    private static partial nint XScreenSaverAllocInfo();

    [LibraryImport("libXss.so.1")]
    private static partial int XScreenSaverQueryInfo(nint display, nuint drawable, nint info);

    [StructLayout(LayoutKind.Sequential)]
    private struct ScreenSaverInfo
    {
        public nuint Window;
        public int State;
        public int Kind;
        public nuint TilOrSince;
        public nuint Idle;
        public nuint EventMask;
    }
}
