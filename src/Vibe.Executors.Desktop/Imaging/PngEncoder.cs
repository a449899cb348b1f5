using System.Buffers.Binary;
using System.IO.Compression;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Imaging;

/// <summary>
/// Writes a <see cref="PixelImage"/> as a PNG: 8-bit RGB when every pixel is opaque (screenshots), RGBA
/// otherwise; each row gets the filter with the smallest sum of absolute differences, the usual heuristic.
/// </summary>
public static class PngEncoder
{
    internal static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(PixelImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        Write(image, output);
        return output.ToArray();
    }

    public static async Task SaveAsync(PixelImage image, string path, CancellationToken cancellationToken)
    {
        var bytes = Encode(image);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
    }

    public static void Write(PixelImage image, Stream output)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        var opaque = IsOpaque(image.Bgra);
        var channels = opaque ? 3 : 4;
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8;
        header[9] = (byte)(opaque ? 2 : 6);
        header[10] = 0;
        header[11] = 0;
        header[12] = 0;
        WriteChunk(output, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                WriteRows(image, channels, zlib);
            }

            WriteChunk(output, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }

        WriteChunk(output, "IEND", []);
    }

    private static void WriteRows(PixelImage image, int channels, Stream zlib)
    {
        var rowLength = image.Width * channels;
        var previous = new byte[rowLength];
        var current = new byte[rowLength];
        var candidates = new byte[5][];
        for (var f = 0; f < 5; f++)
        {
            candidates[f] = new byte[rowLength + 1];
            candidates[f][0] = (byte)f;
        }

        var source = image.Bgra;
        for (var y = 0; y < image.Height; y++)
        {
            var offset = y * image.Stride;
            for (var x = 0; x < image.Width; x++)
            {
                var s = offset + (x * 4);
                var t = x * channels;
                current[t] = source[s + 2];
                current[t + 1] = source[s + 1];
                current[t + 2] = source[s];
                if (channels == 4)
                {
                    current[t + 3] = source[s + 3];
                }
            }

            var best = 0;
            var bestScore = long.MaxValue;
            for (var filter = 0; filter < 5; filter++)
            {
                var score = Filter(filter, current, previous, channels, candidates[filter].AsSpan(1));
                if (score < bestScore)
                {
                    bestScore = score;
                    best = filter;
                }
            }

            zlib.Write(candidates[best]);
            (previous, current) = (current, previous);
        }
    }

    /// <summary>Applies one PNG filter to a row; returns the row's sum of absolute (signed) byte values.</summary>
    private static long Filter(int filter, byte[] row, byte[] above, int bpp, Span<byte> output)
    {
        var length = row.Length;
        switch (filter)
        {
            case 0:
                row.AsSpan().CopyTo(output);
                break;
            case 1:
                row.AsSpan(0, bpp).CopyTo(output);
                for (var i = bpp; i < length; i++)
                {
                    output[i] = (byte)(row[i] - row[i - bpp]);
                }

                break;
            case 2:
                for (var i = 0; i < length; i++)
                {
                    output[i] = (byte)(row[i] - above[i]);
                }

                break;
            case 3:
                for (var i = 0; i < bpp; i++)
                {
                    output[i] = (byte)(row[i] - (above[i] >> 1));
                }

                for (var i = bpp; i < length; i++)
                {
                    output[i] = (byte)(row[i] - ((row[i - bpp] + above[i]) >> 1));
                }

                break;
            default:
                for (var i = 0; i < bpp; i++)
                {
                    output[i] = (byte)(row[i] - above[i]);
                }

                for (var i = bpp; i < length; i++)
                {
                    output[i] = (byte)(row[i] - PngFilters.Paeth(row[i - bpp], above[i], above[i - bpp]));
                }

                break;
        }

        long score = 0;
        foreach (var value in output)
        {
            score += (sbyte)value < 0 ? -(sbyte)value : value;
        }

        return score;
    }

    private static bool IsOpaque(byte[] bgra)
    {
        for (var i = 3; i < bgra.Length; i += 4)
        {
            if (bgra[i] != 255)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        Span<byte> typeBytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            typeBytes[i] = (byte)type[i];
        }

        output.Write(typeBytes);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(typeBytes, data));
        output.Write(crc);
    }
}

internal static class PngFilters
{
    public static int Paeth(int left, int up, int upLeft)
    {
        var p = left + up - upLeft;
        var pa = Math.Abs(p - left);
        var pb = Math.Abs(p - up);
        var pc = Math.Abs(p - upLeft);
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
}
