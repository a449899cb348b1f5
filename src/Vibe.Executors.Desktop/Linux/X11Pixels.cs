using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>Copies an XImage (ZPixmap) into a BGRA <see cref="PixelImage"/>.</summary>
internal static unsafe class X11Pixels
{
    public static PixelImage ToPixelImage(nint imagePointer)
    {
        var image = (XImage*)imagePointer;
        var width = image->Width;
        var height = image->Height;
        var pixels = new byte[width * height * 4];
        var source = (byte*)image->Data;
        var fastPath = image->BitsPerPixel == 32 && image->ByteOrder == 0
            && image->RedMask == 0xff0000 && image->GreenMask == 0xff00 && image->BlueMask == 0xff;
        fixed (byte* target = pixels)
        {
            for (var y = 0; y < height; y++)
            {
                var row = source + ((long)y * image->BytesPerLine);
                var output = target + ((long)y * width * 4);
                if (fastPath)
                {
                    // LSB-first 0x00RRGGBB is already B, G, R, X in memory.
                    Buffer.MemoryCopy(row, output, width * 4L, width * 4L);
                    for (var x = 0; x < width; x++)
                    {
                        output[(x * 4) + 3] = 255;
                    }

                    continue;
                }

                for (var x = 0; x < width; x++)
                {
                    var value = ReadPixel(row, x, image->BitsPerPixel, image->ByteOrder);
                    output[x * 4] = Scale(value, image->BlueMask);
                    output[(x * 4) + 1] = Scale(value, image->GreenMask);
                    output[(x * 4) + 2] = Scale(value, image->RedMask);
                    output[(x * 4) + 3] = 255;
                }
            }
        }

        return new PixelImage(width, height, pixels);
    }

    public static void Destroy(nint image)
    {
        var destroy = (delegate* unmanaged[Cdecl]<nint, int>)((XImage*)image)->DestroyImage;
        destroy(image);
    }

    private static ulong ReadPixel(byte* row, int x, int bitsPerPixel, int byteOrder)
    {
        var bytes = bitsPerPixel / 8;
        if (bytes is < 2 or > 4)
        {
            throw new DesktopDriverException($"unsupported X visual: {bitsPerPixel} bits per pixel");
        }

        var start = row + (x * bytes);
        ulong value = 0;
        for (var i = 0; i < bytes; i++)
        {
            var shift = byteOrder == 0 ? i * 8 : (bytes - 1 - i) * 8;
            value |= (ulong)start[i] << shift;
        }

        return value;
    }

    private static byte Scale(ulong value, nuint mask)
    {
        if (mask == 0)
        {
            return 0;
        }

        var shift = System.Numerics.BitOperations.TrailingZeroCount((ulong)mask);
        var max = (ulong)mask >> shift;
        return (byte)(((value & mask) >> shift) * 255 / max);
    }
}
