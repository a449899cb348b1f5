using System.Buffers.Binary;
using System.IO.Compression;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Imaging;

/// <summary>
/// Reads the PNGs robots use as templates: greyscale, RGB, palette, grey+alpha and RGBA, 8 or 16 bits (and 1, 2,
/// 4 bits for palette and greyscale), not interlaced. Anything else is refused with a message that says why.
/// </summary>
public static class PngDecoder
{
    public static PixelImage Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"cannot read image '{path}': {ex.Message}", ex);
        }

        try
        {
            return Decode(bytes);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"image '{path}': {ex.Message}", ex);
        }
    }

    public static PixelImage Decode(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(PngEncoder.Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        var header = default(Header);
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        var position = 8;
        var seenHeader = false;
        while (position + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[position..]);
            var type = System.Text.Encoding.ASCII.GetString(png.Slice(position + 4, 4));
            if (length < 0 || position + 12 + length > png.Length)
            {
                throw new InvalidDataException($"chunk {type} runs past the end of the file");
            }

            var data = png.Slice(position + 8, length);
            switch (type)
            {
                case "IHDR":
                    header = ReadHeader(data);
                    seenHeader = true;
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    position = png.Length;
                    continue;
            }

            position += 12 + length;
        }

        if (!seenHeader)
        {
            throw new InvalidDataException("no IHDR chunk");
        }

        if (header.ColorType == 3 && palette is null)
        {
            throw new InvalidDataException("palette image without a PLTE chunk");
        }

        idat.Position = 0;
        var raw = Inflate(idat, header);
        return ToBgra(header, raw, palette, transparency);
    }

    private static Header ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 13)
        {
            throw new InvalidDataException("IHDR is too short");
        }

        var header = new Header(
            BinaryPrimitives.ReadInt32BigEndian(data),
            BinaryPrimitives.ReadInt32BigEndian(data[4..]),
            data[8],
            data[9]);
        if (header.Width <= 0 || header.Height <= 0 || (long)header.Width * header.Height > 64_000_000)
        {
            throw new InvalidDataException($"unsupported size {header.Width}x{header.Height}");
        }

        if (data[12] != 0)
        {
            throw new InvalidDataException("interlaced PNGs are not supported; save the template without interlacing");
        }

        var valid = header.ColorType switch
        {
            0 => header.BitDepth is 1 or 2 or 4 or 8 or 16,
            3 => header.BitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => header.BitDepth is 8 or 16,
            _ => false,
        };
        return valid ? header : throw new InvalidDataException($"unsupported colour type {header.ColorType} with bit depth {header.BitDepth}");
    }

    private static byte[] Inflate(Stream idat, Header header)
    {
        var rowBytes = header.RowBytes;
        var raw = new byte[(rowBytes + 1) * header.Height];
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var read = 0;
        while (read < raw.Length)
        {
            var n = zlib.Read(raw, read, raw.Length - read);
            if (n == 0)
            {
                throw new InvalidDataException("image data ends early");
            }

            read += n;
        }

        // Undo the per-row filters in place; the filter byte stays at the start of each row.
        var bpp = Math.Max(1, header.BitsPerPixel / 8);
        for (var y = 0; y < header.Height; y++)
        {
            var row = raw.AsSpan((y * (rowBytes + 1)) + 1, rowBytes);
            var above = y == 0 ? Span<byte>.Empty : raw.AsSpan(((y - 1) * (rowBytes + 1)) + 1, rowBytes);
            var filter = raw[y * (rowBytes + 1)];
            for (var i = 0; i < rowBytes; i++)
            {
                var left = i >= bpp ? row[i - bpp] : 0;
                var up = above.IsEmpty ? 0 : above[i];
                var upLeft = i >= bpp && !above.IsEmpty ? above[i - bpp] : 0;
                row[i] = filter switch
                {
                    0 => row[i],
                    1 => (byte)(row[i] + left),
                    2 => (byte)(row[i] + up),
                    3 => (byte)(row[i] + ((left + up) >> 1)),
                    4 => (byte)(row[i] + PngFilters.Paeth(left, up, upLeft)),
                    _ => throw new InvalidDataException($"row {y} has unknown filter {filter}"),
                };
            }
        }

        return raw;
    }

    private static PixelImage ToBgra(Header header, byte[] raw, byte[]? palette, byte[]? transparency)
    {
        var pixels = new byte[header.Width * header.Height * 4];
        var rowBytes = header.RowBytes;
        var wide = header.BitDepth == 16;
        for (var y = 0; y < header.Height; y++)
        {
            var row = raw.AsSpan((y * (rowBytes + 1)) + 1, rowBytes);
            for (var x = 0; x < header.Width; x++)
            {
                byte r, g, b, a = 255;
                switch (header.ColorType)
                {
                    case 0:
                        r = g = b = Sample(row, x, header.BitDepth, scale: true);
                        break;
                    case 3:
                        var index = Sample(row, x, header.BitDepth, scale: false);
                        if ((index * 3) + 2 >= palette!.Length)
                        {
                            throw new InvalidDataException($"palette index {index} is outside the palette");
                        }

                        r = palette[index * 3];
                        g = palette[(index * 3) + 1];
                        b = palette[(index * 3) + 2];
                        a = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                        break;
                    case 4:
                        r = g = b = row[x * (wide ? 4 : 2)];
                        a = row[(x * (wide ? 4 : 2)) + (wide ? 2 : 1)];
                        break;
                    case 2:
                        r = row[x * (wide ? 6 : 3)];
                        g = row[(x * (wide ? 6 : 3)) + (wide ? 2 : 1)];
                        b = row[(x * (wide ? 6 : 3)) + (wide ? 4 : 2)];
                        break;
                    default:
                        r = row[x * (wide ? 8 : 4)];
                        g = row[(x * (wide ? 8 : 4)) + (wide ? 2 : 1)];
                        b = row[(x * (wide ? 8 : 4)) + (wide ? 4 : 2)];
                        a = row[(x * (wide ? 8 : 4)) + (wide ? 6 : 3)];
                        break;
                }

                var t = ((y * header.Width) + x) * 4;
                pixels[t] = b;
                pixels[t + 1] = g;
                pixels[t + 2] = r;
                pixels[t + 3] = a;
            }
        }

        return new PixelImage(header.Width, header.Height, pixels);
    }

    /// <summary>A greyscale or palette sample; 16-bit samples keep their high byte, low depths scale up to 0-255.</summary>
    private static byte Sample(ReadOnlySpan<byte> row, int x, int depth, bool scale)
    {
        if (depth == 8)
        {
            return row[x];
        }

        if (depth == 16)
        {
            return row[x * 2];
        }

        var perByte = 8 / depth;
        var value = (row[x / perByte] >> ((perByte - 1 - (x % perByte)) * depth)) & ((1 << depth) - 1);
        return scale ? (byte)(value * 255 / ((1 << depth) - 1)) : (byte)value;
    }

    private readonly record struct Header(int Width, int Height, byte BitDepth, byte ColorType)
    {
        public int Channels => ColorType switch
        {
            0 or 3 => 1,
            4 => 2,
            2 => 3,
            _ => 4,
        };

        public int BitsPerPixel => Channels * BitDepth;

        public int RowBytes => ((Width * BitsPerPixel) + 7) / 8;
    }
}
