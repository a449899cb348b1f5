using Microsoft.Playwright;

namespace Vibe.Executors.Web.Tests.Harness;

/// <summary>Reads a PNG's pixels in a real browser (a canvas) to count those of one colour.</summary>
public static class PicturePixels
{
    /// <summary>Playwright's mask colour: what a masked element is painted with in a screenshot.</summary>
    public static readonly (int R, int G, int B) Magenta = (255, 0, 255);

    public static async Task<int> CountAsync(string pngPath, (int R, int G, int B) colour)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = WebRobotHarness.SystemChromium });
        var page = await browser.NewPageAsync();
        var data = Convert.ToBase64String(await File.ReadAllBytesAsync(pngPath));
        return await page.EvaluateAsync<int>(
            """
            async ([data, r, g, b]) => {
              const image = new Image();
              image.src = 'data:image/png;base64,' + data;
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = image.width;
              canvas.height = image.height;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, image.width, image.height).data;
              let count = 0;
              for (let i = 0; i < pixels.length; i += 4) {
                if (Math.abs(pixels[i] - r) < 8 && Math.abs(pixels[i + 1] - g) < 8 && Math.abs(pixels[i + 2] - b) < 8) count++;
              }
              return count;
            }
            """,
            new object[] { data, colour.R, colour.G, colour.B });
    }
}
