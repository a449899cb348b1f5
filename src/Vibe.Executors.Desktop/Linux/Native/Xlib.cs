using System.Runtime.InteropServices;

namespace Vibe.Executors.Desktop.Linux.Native;

/// <summary>
/// The parts of libX11 the X11 backend uses. Window, Atom, KeySym and Time are C "unsigned long" (nuint on
/// LP64 Linux); Bool and Status are C int. Every call happens on the owning driver's thread.
/// </summary>
internal static unsafe partial class Xlib
{
    public const string Library = "libX11.so.6";

    public const int ZPixmap = 2;
    public const int IsViewable = 2;
    public const int RevertToParent = 2;
    public const int ClientMessage = 33;
    public const long SubstructureRedirectMask = 1L << 20;
    public const long SubstructureNotifyMask = 1L << 19;
    public const nuint AnyPropertyType = 0;
    public const nuint CurrentTime = 0;
    public static readonly nuint AllPlanes = nuint.MaxValue;

    [LibraryImport(Library)]
    public static partial int XInitThreads();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint XOpenDisplay(string? name);

    [LibraryImport(Library)]
    public static partial int XCloseDisplay(nint display);

    [LibraryImport(Library)]
    public static partial int XDefaultScreen(nint display);

    [LibraryImport(Library)]
    public static partial nuint XRootWindow(nint display, int screen);

    [LibraryImport(Library)]
    public static partial int XDisplayWidth(nint display, int screen);

    [LibraryImport(Library)]
    public static partial int XDisplayHeight(nint display, int screen);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint XInternAtom(nint display, string name, int onlyIfExists);

    [LibraryImport(Library)]
    public static partial int XGetWindowProperty(
        nint display, nuint window, nuint property, nint offset, nint length, int delete, nuint requestedType,
        out nuint actualType, out int actualFormat, out nuint itemCount, out nuint bytesAfter, out nint data);

    [LibraryImport(Library)]
    public static partial int XFree(nint data);

    [LibraryImport(Library)]
    public static partial nuint XGetSelectionOwner(nint display, nuint selection);

    [LibraryImport(Library)]
    public static partial int XDeleteProperty(nint display, nuint window, nuint property);

    [LibraryImport(Library)]
    public static partial int XChangeProperty(nint display, nuint window, nuint property, nuint type, int format, int mode, byte* data, int count);

    [LibraryImport(Library)]
    public static partial int XQueryTree(nint display, nuint window, out nuint root, out nuint parent, out nint children, out uint count);

    [LibraryImport(Library)]
    public static partial int XGetWindowAttributes(nint display, nuint window, out XWindowAttributes attributes);

    [LibraryImport(Library)]
    public static partial int XTranslateCoordinates(
        nint display, nuint source, nuint destination, int x, int y, out int destX, out int destY, out nuint child);

    [LibraryImport(Library)]
    public static partial nint XGetImage(nint display, nuint drawable, int x, int y, uint width, uint height, nuint planeMask, int format);

    [LibraryImport(Library)]
    public static partial int XSendEvent(nint display, nuint window, int propagate, nint eventMask, XClientMessageEvent* xevent);

    [LibraryImport(Library)]
    public static partial int XRaiseWindow(nint display, nuint window);

    [LibraryImport(Library)]
    public static partial int XMapRaised(nint display, nuint window);

    [LibraryImport(Library)]
    public static partial int XSetInputFocus(nint display, nuint window, int revertTo, nuint time);

    [LibraryImport(Library)]
    public static partial int XFlush(nint display);

    [LibraryImport(Library)]
    public static partial int XSync(nint display, int discard);

    [LibraryImport(Library)]
    public static partial nint XSetErrorHandler(nint handler);

    [LibraryImport(Library)]
    public static partial int XGetErrorText(nint display, int code, byte* buffer, int length);

    [LibraryImport(Library)]
    public static partial byte XKeysymToKeycode(nint display, nuint keysym);

    [LibraryImport(Library)]
    public static partial nuint* XGetKeyboardMapping(nint display, byte firstKeycode, int count, out int keysymsPerKeycode);

    [LibraryImport(Library)]
    public static partial int XChangeKeyboardMapping(nint display, int firstKeycode, int keysymsPerKeycode, nuint* keysyms, int count);

    [LibraryImport(Library)]
    public static partial int XDisplayKeycodes(nint display, out int minKeycode, out int maxKeycode);

    [LibraryImport(Library)]
    public static partial int XQueryPointer(
        nint display, nuint window, out nuint root, out nuint child, out int rootX, out int rootY, out int winX, out int winY, out uint mask);

    [LibraryImport(Library)]
    public static partial int XResetScreenSaver(nint display);

    [LibraryImport(Library)]
    public static partial int XGetInputFocus(nint display, out nuint focus, out int revertTo);
}

[StructLayout(LayoutKind.Sequential)]
internal struct XWindowAttributes
{
    public int X;
    public int Y;
    public int Width;
    public int Height;
    public int BorderWidth;
    public int Depth;
    public nint Visual;
    public nuint Root;
    public int Class;
    public int BitGravity;
    public int WinGravity;
    public int BackingStore;
    public nuint BackingPlanes;
    public nuint BackingPixel;
    public int SaveUnder;
    public nuint Colormap;
    public int MapInstalled;
    public int MapState;
    public nint AllEventMasks;
    public nint YourEventMask;
    public nint DoNotPropagateMask;
    public int OverrideRedirect;
    public nint Screen;
}

/// <summary>XClientMessageEvent padded to the size of the XEvent union (24 longs), as XSendEvent reads a whole XEvent.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct XClientMessageEvent
{
    public int Type;
    public nuint Serial;
    public int SendEvent;
    public nint Display;
    public nuint Window;
    public nuint MessageType;
    public int Format;
    public fixed long Data[5];
    public fixed long Padding[12];
}

/// <summary>The leading fields of XImage; the function table's destroy_image is the only way to free one.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XImage
{
    public int Width;
    public int Height;
    public int XOffset;
    public int Format;
    public nint Data;
    public int ByteOrder;
    public int BitmapUnit;
    public int BitmapBitOrder;
    public int BitmapPad;
    public int Depth;
    public int BytesPerLine;
    public int BitsPerPixel;
    public nuint RedMask;
    public nuint GreenMask;
    public nuint BlueMask;
    public nint ObData;
    public nint CreateImage;
    public nint DestroyImage;
}

/// <summary>XErrorEvent as the error handler receives it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XErrorEvent
{
    public int Type;
    public nint Display;
    public nuint ResourceId;
    public nuint Serial;
    public byte ErrorCode;
    public byte RequestCode;
    public byte MinorCode;
}

internal static partial class XTest
{
    public const string Library = "libXtst.so.6";

    [LibraryImport(Library)]
    public static partial int XTestQueryExtension(nint display, out int eventBase, out int errorBase, out int major, out int minor);

    [LibraryImport(Library)]
    public static partial int XTestFakeKeyEvent(nint display, uint keycode, int isPress, nuint delay);

    [LibraryImport(Library)]
    public static partial int XTestFakeButtonEvent(nint display, uint button, int isPress, nuint delay);

    [LibraryImport(Library)]
    public static partial int XTestFakeMotionEvent(nint display, int screen, int x, int y, nuint delay);
}
