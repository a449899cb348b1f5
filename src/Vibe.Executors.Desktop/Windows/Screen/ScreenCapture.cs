using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Screen;

/// <summary>Copies part of the screen with GDI: BitBlt from the screen DC into a 32-bit top-down DIB section.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe class ScreenCapture
{
    /// <summary>
    /// The pixels of <paramref name="region"/> (virtual-screen coordinates) as BGRA. What is on the screen is
    /// what is copied, so a window must be uncovered; a minimized or disconnected RDP session yields black.
    /// </summary>
    public static PixelImage Capture(ScreenRect region)
    {
        if (region.IsEmpty)
        {
            throw new DesktopDriverException($"nothing to capture: the region {region} is empty");
        }

        var screen = User32.GetDC(0);
        if (screen == 0)
        {
            throw new DesktopDriverException("could not open the screen for capture (GetDC failed): the desktop may be locked");
        }

        var memory = Gdi32.CreateCompatibleDC(screen);
        var header = new BITMAPINFOHEADER
        {
            Size = (uint)sizeof(BITMAPINFOHEADER),
            Width = region.Width,
            Height = -region.Height,
            Planes = 1,
            BitCount = 32,
            Compression = Gdi32.BI_RGB,
        };
        var bitmap = Gdi32.CreateDIBSection(screen, in header, Gdi32.DIB_RGB_COLORS, out var bits, 0, 0);
        try
        {
            if (memory == 0 || bitmap == 0)
            {
                throw new DesktopDriverException($"could not allocate a {region.Width}x{region.Height} bitmap for the capture");
            }

            var previous = Gdi32.SelectObject(memory, bitmap);
            var copied = Gdi32.BitBlt(memory, 0, 0, region.Width, region.Height, screen, region.X, region.Y, Gdi32.SRCCOPY | Gdi32.CAPTUREBLT);
            var error = Marshal.GetLastPInvokeError();
            Gdi32.SelectObject(memory, previous);
            if (!copied)
            {
                throw new DesktopDriverException($"the screen could not be copied (BitBlt failed, Win32 error {error}): the desktop may be locked or on the secure desktop");
            }

            var pixels = new byte[region.Width * region.Height * 4];
            Marshal.Copy(bits, pixels, 0, pixels.Length);

            // GDI leaves the alpha byte 0; the screen is opaque.
            for (var i = 3; i < pixels.Length; i += 4)
            {
                pixels[i] = 255;
            }

            return new PixelImage(region.Width, region.Height, pixels);
        }
        finally
        {
            if (bitmap != 0)
            {
                Gdi32.DeleteObject(bitmap);
            }

            if (memory != 0)
            {
                Gdi32.DeleteDC(memory);
            }

            User32.ReleaseDC(0, screen);
        }
    }
}
