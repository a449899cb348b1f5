namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// A captured or decoded image: 32-bit pixels in B, G, R, A byte order, rows top to bottom with no padding
/// (stride = width * 4). BGRA because both native sources (XGetImage ZPixmap on little-endian X servers and
/// GDI BitBlt) deliver it, so a capture is a copy, not a conversion.
/// </summary>
public sealed class PixelImage
{
    public PixelImage(int width, int height, byte[] bgra)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(bgra);
        if (bgra.Length != checked(width * height * 4))
        {
            throw new ArgumentException($"expected {width * height * 4} bytes for {width}x{height} BGRA, got {bgra.Length}", nameof(bgra));
        }

        Width = width;
        Height = height;
        Bgra = bgra;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixels, B G R A per pixel; alpha is 255 for screen captures.</summary>
    public byte[] Bgra { get; }

    public int Stride => Width * 4;

    /// <summary>A copy of the part of the image inside <paramref name="region"/> (image coordinates).</summary>
    public PixelImage Crop(ScreenRect region)
    {
        var clipped = region.Intersect(new ScreenRect(0, 0, Width, Height));
        if (clipped.IsEmpty)
        {
            throw new ArgumentException($"region {region} lies outside the {Width}x{Height} image", nameof(region));
        }

        var pixels = new byte[clipped.Width * clipped.Height * 4];
        for (var row = 0; row < clipped.Height; row++)
        {
            Buffer.BlockCopy(Bgra, ((clipped.Y + row) * Stride) + (clipped.X * 4), pixels, row * clipped.Width * 4, clipped.Width * 4);
        }

        return new PixelImage(clipped.Width, clipped.Height, pixels);
    }
}
