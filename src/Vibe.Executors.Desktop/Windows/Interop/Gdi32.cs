using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Vibe.Executors.Desktop.Windows.Interop;

[SupportedOSPlatform("windows")]
internal static unsafe partial class Gdi32
{
    public const uint SRCCOPY = 0x00CC0020;

    /// <summary>Includes layered windows (tooltips, menus with transparency) in the copy.</summary>
    public const uint CAPTUREBLT = 0x40000000;

    public const uint DIB_RGB_COLORS = 0;
    public const uint BI_RGB = 0;

    [LibraryImport("gdi32.dll")]
    public static partial nint CreateCompatibleDC(nint hdc);

    [LibraryImport("gdi32.dll")]
    public static partial nint CreateDIBSection(nint hdc, in BITMAPINFOHEADER info, uint usage, out nint bits, nint section, uint offset);

    [LibraryImport("gdi32.dll")]
    public static partial nint SelectObject(nint hdc, nint gdiObject);

    [LibraryImport("gdi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool BitBlt(nint destination, int x, int y, int width, int height, nint source, int sourceX, int sourceY, uint rop);

    [LibraryImport("gdi32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DeleteObject(nint gdiObject);

    [LibraryImport("gdi32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DeleteDC(nint hdc);

    [LibraryImport("gdi32.dll")]
    public static partial int GetDeviceCaps(nint hdc, int index);
}

/// <summary>wingdi.h's BITMAPINFOHEADER; a BITMAPINFO with no colour table for 32-bit BI_RGB.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct BITMAPINFOHEADER
{
    public uint Size;
    public int Width;

    /// <summary>Negative for a top-down bitmap, which is PixelImage's row order.</summary>
    public int Height;

    public ushort Planes;
    public ushort BitCount;
    public uint Compression;
    public uint SizeImage;
    public int XPelsPerMeter;
    public int YPelsPerMeter;
    public uint ClrUsed;
    public uint ClrImportant;
}
