using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>The X atoms the backend reads and sends, interned once per connection.</summary>
internal sealed class Atoms
{
    public Atoms(nint display)
    {
        NetWmName = Xlib.XInternAtom(display, "_NET_WM_NAME", 0);
        NetWmPid = Xlib.XInternAtom(display, "_NET_WM_PID", 0);
        NetActiveWindow = Xlib.XInternAtom(display, "_NET_ACTIVE_WINDOW", 0);
        NetCloseWindow = Xlib.XInternAtom(display, "_NET_CLOSE_WINDOW", 0);
        NetSupportingWmCheck = Xlib.XInternAtom(display, "_NET_SUPPORTING_WM_CHECK", 0);
        Utf8String = Xlib.XInternAtom(display, "UTF8_STRING", 0);
        WmName = Xlib.XInternAtom(display, "WM_NAME", 0);
        WmClass = Xlib.XInternAtom(display, "WM_CLASS", 0);
        WmState = Xlib.XInternAtom(display, "WM_STATE", 0);
        WmProtocols = Xlib.XInternAtom(display, "WM_PROTOCOLS", 0);
        WmDeleteWindow = Xlib.XInternAtom(display, "WM_DELETE_WINDOW", 0);
        AtSpiBus = Xlib.XInternAtom(display, "AT_SPI_BUS", 0);
    }

    /// <summary>The accessibility bus address at-spi-bus-launcher publishes on the root window; Qt reads it.</summary>
    public nuint AtSpiBus { get; }

    public nuint NetWmName { get; }

    public nuint NetWmPid { get; }

    public nuint NetActiveWindow { get; }

    public nuint NetCloseWindow { get; }

    public nuint NetSupportingWmCheck { get; }

    public nuint Utf8String { get; }

    public nuint WmName { get; }

    public nuint WmClass { get; }

    public nuint WmState { get; }

    public nuint WmProtocols { get; }

    public nuint WmDeleteWindow { get; }
}
