using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Imaging;

/// <summary>Where a template was found, in the searched image's pixels, and how alike it was (0 to 1).</summary>
public sealed record ImageMatch(ScreenRect Bounds, double Confidence)
{
    public ScreenPoint Center => Bounds.Center;
}

/// <summary>
/// Finds a template image inside a larger one, PyAutoGUI-style, by normalized cross-correlation on greyscale.
/// Coarse to fine: both images are shrunk by 2 or 4, every position is scored there, and the best few candidates
/// are searched again at full size around where they were found. A flat template (one colour) has no contrast
/// for correlation, so it is scored by mean absolute difference instead.
/// </summary>
public static class TemplateMatcher
{
    private const int MinCoarseSide = 8;
    private const int Candidates = 12;

    /// <summary>The best match with at least <paramref name="confidence"/>, or null.</summary>
    public static ImageMatch? Find(PixelImage haystack, PixelImage needle, double confidence)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        ArgumentNullException.ThrowIfNull(needle);
        if (needle.Width > haystack.Width || needle.Height > haystack.Height)
        {
            return null;
        }

        var image = GreyImage.From(haystack);
        var template = GreyImage.From(needle);
        var best = FindBest(image, template);
        return best is not null && best.Confidence >= confidence ? best : null;
    }

    /// <summary>The best position whatever its score (for "best was 0.82 at ..." messages); null if the template does not fit.</summary>
    public static ImageMatch? FindBest(PixelImage haystack, PixelImage needle)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        ArgumentNullException.ThrowIfNull(needle);
        return needle.Width > haystack.Width || needle.Height > haystack.Height
            ? null
            : FindBest(GreyImage.From(haystack), GreyImage.From(needle));
    }

    private static ImageMatch? FindBest(GreyImage image, GreyImage template)
    {
        var scale = 4;
        while (scale > 1 && (template.Width / scale < MinCoarseSide || template.Height / scale < MinCoarseSide))
        {
            scale /= 2;
        }

        if (scale == 1)
        {
            var (x, y, score) = Search(image, template, 0, 0, image.Width - template.Width, image.Height - template.Height, keep: 1)[0];
            return new ImageMatch(new ScreenRect(x, y, template.Width, template.Height), score);
        }

        var small = image.Shrink(scale);
        var smallTemplate = template.Shrink(scale);
        var coarse = Search(small, smallTemplate, 0, 0, small.Width - smallTemplate.Width, small.Height - smallTemplate.Height, Candidates);
        ImageMatch? best = null;
        foreach (var (cx, cy, _) in coarse)
        {
            // The true offset can be anywhere inside the shrunk pixel and its neighbours.
            var left = Math.Max(0, (cx * scale) - scale);
            var top = Math.Max(0, (cy * scale) - scale);
            var right = Math.Min(image.Width - template.Width, (cx * scale) + (2 * scale));
            var bottom = Math.Min(image.Height - template.Height, (cy * scale) + (2 * scale));
            if (right < left || bottom < top)
            {
                continue;
            }

            var (x, y, score) = Search(image, template, left, top, right, bottom, keep: 1)[0];
            if (best is null || score > best.Confidence)
            {
                best = new ImageMatch(new ScreenRect(x, y, template.Width, template.Height), score);
            }
        }

        return best;
    }

    /// <summary>Scores every offset in [left..right] x [top..bottom]; returns the <paramref name="keep"/> best, spread apart.</summary>
    private static List<(int X, int Y, double Score)> Search(GreyImage image, GreyImage template, int left, int top, int right, int bottom, int keep)
    {
        var n = template.Width * template.Height;
        var (templateMean, templateVariance) = template.MeanAndVariance();
        var flat = templateVariance < 1e-6 * n;
        var centred = new double[n];
        for (var i = 0; i < n; i++)
        {
            centred[i] = template.Pixels[i] - templateMean;
        }

        var templateNorm = Math.Sqrt(templateVariance);
        (double[] Sum, double[] Squares)? integral = flat ? null : image.Integrals();
        var results = new List<(int X, int Y, double Score)>();
        for (var y = top; y <= bottom; y++)
        {
            for (var x = left; x <= right; x++)
            {
                var score = flat
                    ? FlatScore(image, template, x, y)
                    : Correlation(image, template, centred, templateNorm, integral!.Value, x, y);
                Insert(results, (x, y, score), keep, Math.Max(1, Math.Min(template.Width, template.Height) / 2));
            }
        }

        return results.Count > 0 ? results : [(left, top, 0)];
    }

    private static double Correlation(GreyImage image, GreyImage template, double[] centred, double templateNorm, (double[] Sum, double[] Squares) integral, int x, int y)
    {
        var n = template.Width * template.Height;
        var stride = image.Width + 1;
        var sum = Box(integral.Sum, stride, x, y, template.Width, template.Height);
        var squares = Box(integral.Squares, stride, x, y, template.Width, template.Height);
        var variance = squares - (sum * sum / n);
        if (variance < 1e-6 * n)
        {
            return 0;
        }

        double cross = 0;
        var pixels = image.Pixels;
        for (var row = 0; row < template.Height; row++)
        {
            var offset = ((y + row) * image.Width) + x;
            var t = row * template.Width;
            for (var col = 0; col < template.Width; col++)
            {
                cross += pixels[offset + col] * centred[t + col];
            }
        }

        return Math.Clamp(cross / (Math.Sqrt(variance) * templateNorm), -1, 1);
    }

    private static double FlatScore(GreyImage image, GreyImage template, int x, int y)
    {
        double difference = 0;
        for (var row = 0; row < template.Height; row++)
        {
            var offset = ((y + row) * image.Width) + x;
            var t = row * template.Width;
            for (var col = 0; col < template.Width; col++)
            {
                difference += Math.Abs(image.Pixels[offset + col] - template.Pixels[t + col]);
            }
        }

        return 1 - (difference / (template.Width * template.Height * 255.0));
    }

    private static double Box(double[] integral, int stride, int x, int y, int width, int height) =>
        integral[((y + height) * stride) + x + width] - integral[(y * stride) + x + width]
        - integral[((y + height) * stride) + x] + integral[(y * stride) + x];

    private static void Insert(List<(int X, int Y, double Score)> results, (int X, int Y, double Score) candidate, int keep, int spread)
    {
        // Neighbouring offsets of one match score alike; keep only the best of each cluster.
        for (var i = 0; i < results.Count; i++)
        {
            if (Math.Abs(results[i].X - candidate.X) < spread && Math.Abs(results[i].Y - candidate.Y) < spread)
            {
                if (candidate.Score > results[i].Score)
                {
                    results.RemoveAt(i);
                    break;
                }

                return;
            }
        }

        if (results.Count >= keep && candidate.Score <= results[^1].Score)
        {
            return;
        }

        var index = results.FindIndex(existing => existing.Score < candidate.Score);
        results.Insert(index < 0 ? results.Count : index, candidate);
        if (results.Count > keep)
        {
            results.RemoveAt(results.Count - 1);
        }
    }

    /// <summary>Luminance, one float per pixel.</summary>
    private sealed class GreyImage
    {
        private GreyImage(int width, int height, float[] pixels)
        {
            Width = width;
            Height = height;
            Pixels = pixels;
        }

        public int Width { get; }

        public int Height { get; }

        public float[] Pixels { get; }

        public static GreyImage From(PixelImage image)
        {
            var pixels = new float[image.Width * image.Height];
            var bgra = image.Bgra;
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (0.114f * bgra[i * 4]) + (0.587f * bgra[(i * 4) + 1]) + (0.299f * bgra[(i * 4) + 2]);
            }

            return new GreyImage(image.Width, image.Height, pixels);
        }

        public GreyImage Shrink(int factor)
        {
            var width = Width / factor;
            var height = Height / factor;
            var pixels = new float[width * height];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    float sum = 0;
                    for (var dy = 0; dy < factor; dy++)
                    {
                        var row = ((y * factor) + dy) * Width;
                        for (var dx = 0; dx < factor; dx++)
                        {
                            sum += Pixels[row + (x * factor) + dx];
                        }
                    }

                    pixels[(y * width) + x] = sum / (factor * factor);
                }
            }

            return new GreyImage(width, height, pixels);
        }

        public (double Mean, double Variance) MeanAndVariance()
        {
            double sum = 0;
            foreach (var value in Pixels)
            {
                sum += value;
            }

            var mean = sum / Pixels.Length;
            double variance = 0;
            foreach (var value in Pixels)
            {
                variance += (value - mean) * (value - mean);
            }

            return (mean, variance);
        }

        private (double[] Sum, double[] Squares)? _integrals;

        /// <summary>Summed-area tables of the pixels and their squares, built once per image.</summary>
        public (double[] Sum, double[] Squares) Integrals() => _integrals ??= BuildIntegrals();

        private (double[] Sum, double[] Squares) BuildIntegrals()
        {
            var stride = Width + 1;
            var sum = new double[stride * (Height + 1)];
            var squares = new double[stride * (Height + 1)];
            for (var y = 0; y < Height; y++)
            {
                double rowSum = 0;
                double rowSquares = 0;
                for (var x = 0; x < Width; x++)
                {
                    var value = Pixels[(y * Width) + x];
                    rowSum += value;
                    rowSquares += value * value;
                    sum[((y + 1) * stride) + x + 1] = sum[(y * stride) + x + 1] + rowSum;
                    squares[((y + 1) * stride) + x + 1] = squares[(y * stride) + x + 1] + rowSquares;
                }
            }

            return (sum, squares);
        }
    }
}
