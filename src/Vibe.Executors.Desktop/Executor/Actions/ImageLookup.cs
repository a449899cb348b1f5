using System.Globalization;
using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>What findImage, clickImage and waitImage share: their parameters and the search for a template on the screen.</summary>
internal static class ImageLookup
{
    public static readonly ParameterDescriptor Image = Text("image", "a template PNG; a relative path is read beside the robot's file").IsRequired();
    public static readonly ParameterDescriptor Confidence = Number("confidence", "1.0 is a pixel-exact match", 0, 1).DefaultsTo("0.9");
    public static readonly ParameterDescriptor Region = Text("region", "search only \"x,y,w,h\" of the screen (or the window)");

    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } = [Image, Confidence, Region, DesktopActions.OptionalWindow];

    private const double DefaultConfidence = 0.9;

    public sealed record Search(string Name, PixelImage Template, double Confidence, ScreenRect? Region, string? Window);

    public static Search From(DesktopSession session, StepContext step)
    {
        var name = step.Parameters.GetString("image");
        var confidence = step.Parameters.GetOptionalDouble("confidence") ?? DefaultConfidence;
        if (confidence is <= 0 or > 1)
        {
            throw DesktopSession.Fail(step, "parameter 'confidence' must be between 0 and 1 (0.9 is a good start)");
        }

        ScreenRect? region = null;
        if (step.Parameters.GetOptionalString("region") is { } text)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 4 || !parts.All(part => int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                throw DesktopSession.Fail(step, $"parameter 'region' must be \"x,y,width,height\", not '{text}'");
            }

            var numbers = parts.Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
            region = new ScreenRect(numbers[0], numbers[1], numbers[2], numbers[3]);
        }

        return new Search(name, session.LoadTemplate(step, name), confidence, region, step.Parameters.GetOptionalString("window"));
    }

    public static async Task<(ImageMatch? Match, ImageMatch? Best)> LookAsync(DesktopSession session, StepContext step, Search search, TimeSpan timeout, CancellationToken ct)
    {
        ImageMatch? best = null;
        var found = await Poll.UntilAsync(
            async c =>
            {
                var attempt = await MatchOnceAsync(session, step, search, c);
                if (attempt.Best is not null && (best is null || attempt.Best.Confidence > best.Confidence))
                {
                    best = attempt.Best;
                }

                return attempt.Match;
            },
            timeout,
            session.Time,
            ct);
        return (found, best);
    }

    public static async Task<(ImageMatch? Match, ImageMatch? Best)> MatchOnceAsync(DesktopSession session, StepContext step, Search search, CancellationToken ct)
    {
        var region = search.Region;
        if (search.Window is not null)
        {
            region = (await session.StepWindowAsync(step, ct)).Bounds;
        }

        var screen = await session.Driver.CaptureAsync(region, ct);
        var origin = region is { } r ? new ScreenPoint(Math.Max(0, r.X), Math.Max(0, r.Y)) : default;
        var best = TemplateMatcher.FindBest(screen, search.Template);
        if (best is null)
        {
            return (null, null);
        }

        var onScreen = best with { Bounds = best.Bounds with { X = best.Bounds.X + origin.X, Y = best.Bounds.Y + origin.Y } };
        return (onScreen.Confidence >= search.Confidence ? onScreen : null, onScreen);
    }

    public static string Found(Search search, ImageMatch match) =>
        string.Create(CultureInfo.InvariantCulture, $"found image {search.Name} at {match.Center} (confidence {match.Confidence:0.000})");

    public static string NotFound(Search search, ImageMatch? best, TimeSpan timeout) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"image {search.Name} not found on the screen{(timeout > TimeSpan.Zero ? " after " + Vibe.Domain.Robots.Duration.Format(timeout) : "")}") +
        (best is null
            ? " (the template is larger than the searched area)"
            : string.Create(CultureInfo.InvariantCulture, $" (best match {best.Confidence:0.000} at {best.Center}, needs {search.Confidence:0.###})"));
}
