using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;

namespace Vibe.Executors.Desktop.Tests.Unit;

public sealed class TemplateMatcherTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(401, 277)]
    [InlineData(1240, 760)]
    public void Find_ATemplateCutFromTheImage_ReturnsWhereItWasCut(int x, int y)
    {
        var screen = PngCodecTests.Noise(1280, 800, opaque: true);
        var template = screen.Crop(new ScreenRect(x, y, 40, 40));

        var match = TemplateMatcher.Find(screen, template, 0.95);

        Assert.NotNull(match);
        Assert.Equal(new ScreenRect(x, y, 40, 40), match.Bounds);
        Assert.True(match.Confidence > 0.999);
    }

    [Fact]
    public void Find_ATemplateThatIsNotThere_ReturnsNull_ButFindBestStillReports()
    {
        var screen = PngCodecTests.Noise(640, 400, opaque: true, seed: 1);
        var template = PngCodecTests.Noise(30, 30, opaque: true, seed: 2);

        Assert.Null(TemplateMatcher.Find(screen, template, 0.9));
        Assert.True(TemplateMatcher.FindBest(screen, template)!.Confidence < 0.9);
    }

    [Fact]
    public void Find_AFlatTemplate_MatchesTheSameColourOnly()
    {
        var screen = Solid(200, 100, 255);
        Paint(screen, new ScreenRect(120, 30, 20, 20), 0);
        var black = Solid(10, 10, 0);

        var match = TemplateMatcher.Find(screen, black, 0.99);

        Assert.NotNull(match);
        Assert.True(new ScreenRect(120, 30, 20, 20).Contains(match.Center));
    }

    [Fact]
    public void Find_ATemplateLargerThanTheImage_ReturnsNull()
    {
        Assert.Null(TemplateMatcher.Find(Solid(10, 10, 0), Solid(20, 5, 0), 0.5));
    }

    private static PixelImage Solid(int width, int height, byte value)
    {
        var pixels = new byte[width * height * 4];
        Array.Fill(pixels, value);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        return new PixelImage(width, height, pixels);
    }

    private static void Paint(PixelImage image, ScreenRect area, byte value)
    {
        for (var y = area.Y; y < area.Bottom; y++)
        {
            for (var x = area.X; x < area.Right; x++)
            {
                var i = ((y * image.Width) + x) * 4;
                (image.Bgra[i], image.Bgra[i + 1], image.Bgra[i + 2]) = (value, value, value);
            }
        }
    }
}
