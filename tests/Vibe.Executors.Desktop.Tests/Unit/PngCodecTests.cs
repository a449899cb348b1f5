using System.Buffers.Binary;
using System.IO.Compression;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;

namespace Vibe.Executors.Desktop.Tests.Unit;

public sealed class PngCodecTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Encode_ThenDecode_GivesTheSamePixels(bool opaque)
    {
        var image = Noise(37, 23, opaque);

        var decoded = PngDecoder.Decode(PngEncoder.Encode(image));

        Assert.Equal((image.Width, image.Height), (decoded.Width, decoded.Height));
        Assert.Equal(image.Bgra, decoded.Bgra);
    }

    [Fact]
    public void Decode_PaletteWithTransparency_AtFourBits()
    {
        // Two pixels per byte: indices 0,1 / 1,0 on two rows; palette red and blue, red half transparent.
        var png = Build(2, 2, bitDepth: 4, colorType: 3, rows: [[0x01], [0x10]], palette: [255, 0, 0, 0, 0, 255], transparency: [128]);

        var image = PngDecoder.Decode(png);

        Assert.Equal(new byte[] { 0, 0, 255, 128, 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 128 }, image.Bgra);
    }

    [Fact]
    public void Decode_SixteenBitRgb_KeepsTheHighBytes()
    {
        var png = Build(1, 1, bitDepth: 16, colorType: 2, rows: [[0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC]]);

        Assert.Equal(new byte[] { 0x9A, 0x56, 0x12, 255 }, PngDecoder.Decode(png).Bgra);
    }

    [Fact]
    public void Decode_GreyscaleWithUpFilter()
    {
        var png = Build(2, 2, bitDepth: 8, colorType: 0, rows: [[10, 20], [5, 5]], filters: [0, 2]);

        Assert.Equal(new byte[] { 10, 10, 10, 255, 20, 20, 20, 255, 15, 15, 15, 255, 25, 25, 25, 255 }, PngDecoder.Decode(png).Bgra);
    }

    [Fact]
    public void Decode_Interlaced_IsRefusedWithAReason()
    {
        var png = Build(1, 1, bitDepth: 8, colorType: 0, rows: [[1]], interlace: 1);

        var error = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(png));

        Assert.Contains("interlaced PNGs are not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NotAPng_SaysSo()
    {
        var error = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode("GIF89a..."u8));

        Assert.Equal("not a PNG file", error.Message);
    }

    internal static PixelImage Noise(int width, int height, bool opaque, int seed = 7)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        if (opaque)
        {
            for (var i = 3; i < pixels.Length; i += 4)
            {
                pixels[i] = 255;
            }
        }

        return new PixelImage(width, height, pixels);
    }

    private static byte[] Build(
        int width, int height, byte bitDepth, byte colorType, byte[][] rows,
        byte[]? palette = null, byte[]? transparency = null, byte[]? filters = null, byte interlace = 0)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9], header[12]) = (bitDepth, colorType, interlace);
        Chunk(output, "IHDR", header);
        if (palette is not null)
        {
            Chunk(output, "PLTE", palette);
        }

        if (transparency is not null)
        {
            Chunk(output, "tRNS", transparency);
        }

        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < rows.Length; y++)
            {
                zlib.WriteByte(filters?[y] ?? 0);
                zlib.Write(rows[y]);
            }
        }

        Chunk(output, "IDAT", data.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        output.Write(System.Text.Encoding.ASCII.GetBytes(type));
        output.Write(data);
        output.Write(new byte[4]);
    }
}
