using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// Screenshots never show a secret: a field that setText or type put a secret into (a value from .env or
/// ${env:…}) is painted over in every capture of the run, as the log and the text evidence mask it. Where vibe
/// cannot point to the secret on the screen (typeKeys, a field without a position), the screenshot is left out.
/// </summary>
internal sealed partial class DesktopSession
{
    private static readonly (byte B, byte G, byte R) SecretPaint = (255, 0, 255); // magenta, as Playwright masks
    private readonly List<ScreenRect> _secretAreas = [];
    private bool _secretPlaceUnknown;

    /// <summary>Called after <paramref name="text"/> went into <paramref name="element"/> (null: wherever the focus was).</summary>
    internal async Task RememberSecretPlaceAsync(string text, DesktopElement? element, CancellationToken ct)
    {
        if (_run.Masker.Mask(text) == text)
        {
            return;
        }

        if (element is null)
        {
            _secretPlaceUnknown = true;
            return;
        }

        try
        {
            var bounds = (await _driver.DescribeAsync(element, ct)).Bounds;
            if (bounds.IsEmpty)
            {
                _secretPlaceUnknown = true;
            }
            else
            {
                _secretAreas.Add(bounds);
            }
        }
        catch (DesktopDriverException)
        {
            _secretPlaceUnknown = true;
        }
    }

    /// <summary>
    /// Captures <paramref name="region"/> (null: the whole screen) with the secret fields painted over; null when
    /// the picture could show a secret that cannot be painted over, with <paramref name="why"/> saying so.
    /// </summary>
    internal async Task<(PixelImage? Image, string? Why)> CaptureWithoutSecretsAsync(ScreenRect? region, CancellationToken ct)
    {
        if (_secretPlaceUnknown)
        {
            return (null, "a secret was typed where vibe cannot point to it on the screen (use setText or type with a selector)");
        }

        var image = await _driver.CaptureAsync(region, ct);
        if (_secretAreas.Count == 0)
        {
            return (image, null);
        }

        var screen = (await _driver.CheckSessionAsync(ct)).Screen;
        var captured = region is { } wanted ? wanted.Intersect(screen) : screen;
        if (captured.Width != image.Width || captured.Height != image.Height)
        {
            return (null, $"the capture ({image.Width}x{image.Height}) does not match the screen area {captured}, so the fields holding secrets cannot be painted over");
        }

        foreach (var area in _secretAreas)
        {
            var visible = area.Intersect(captured);
            for (var y = visible.Y; y < visible.Bottom; y++)
            {
                for (var x = visible.X; x < visible.Right; x++)
                {
                    var offset = ((y - captured.Y) * image.Stride) + ((x - captured.X) * 4);
                    (image.Bgra[offset], image.Bgra[offset + 1], image.Bgra[offset + 2]) = SecretPaint;
                }
            }
        }

        return (image, null);
    }
}
