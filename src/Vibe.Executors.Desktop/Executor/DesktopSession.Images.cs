using System.Globalization;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>findImage, clickImage, waitImage and screenshot.</summary>
internal sealed partial class DesktopSession
{
    private const double DefaultConfidence = 0.9;

    private async Task FindImageAsync(StepContext step, CancellationToken ct)
    {
        var search = ImageSearch(step);
        var (match, best) = await LookForImageAsync(step, search, step.Parameters.GetDuration("timeout", TimeSpan.Zero), ct);
        var variable = step.Parameters.GetOptionalString("variable");
        if (match is null)
        {
            if (step.Parameters.GetBool("required", true))
            {
                throw Fail(step, NotFound(search, best, step.Parameters.GetDuration("timeout", TimeSpan.Zero)));
            }

            if (variable is not null)
            {
                step.Variables.Set(variable, "");
            }

            step.Log($"image {search.Name} is not on the screen");
            return;
        }

        if (variable is not null)
        {
            var center = match.Center;
            step.Variables.Set(variable, string.Create(CultureInfo.InvariantCulture, $"{center.X},{center.Y}"));
            step.Variables.Set(variable + ".x", center.X.ToString(CultureInfo.InvariantCulture));
            step.Variables.Set(variable + ".y", center.Y.ToString(CultureInfo.InvariantCulture));
        }

        step.Log(Found(search, match));
    }

    private async Task ClickImageAsync(StepContext step, CancellationToken ct)
    {
        var search = ImageSearch(step);
        var timeout = Timeout(step);
        var (match, best) = await LookForImageAsync(step, search, timeout, ct);
        if (match is null)
        {
            throw Fail(step, NotFound(search, best, timeout));
        }

        var clicks = step.Parameters.GetInt("clicks", 1);
        await _driver.ClickAsync(match.Center, ButtonParameter(step), clicks, ct);
        step.Log(Found(search, match) + "; clicked it");
    }

    private async Task WaitImageAsync(StepContext step, CancellationToken ct)
    {
        var search = ImageSearch(step);
        var timeout = Timeout(step, WindowTimeout);
        var state = step.Parameters.GetChoice(DesktopActions.ImageState);
        if (state == "visible")
        {
            var (match, best) = await LookForImageAsync(step, search, timeout, ct);
            step.Log(match is null ? throw Fail(step, NotFound(search, best, timeout)) : Found(search, match));
            return;
        }

        if (state != "hidden")
        {
            throw Fail(step, $"parameter 'state' must be visible or hidden, not '{state}'");
        }

        var gone = await Poll.UntilTrueAsync(async c => await MatchOnceAsync(step, search, c) is not { Match: not null }, timeout, Time, ct);
        if (!gone)
        {
            throw Fail(step, $"image {search.Name} is still on the screen after {Duration.Format(timeout)}");
        }

        step.Log($"image {search.Name} is not on the screen");
    }

    private async Task ScreenshotAsync(StepContext step, CancellationToken ct)
    {
        var name = step.Parameters.GetOptionalString("path") ?? $"screenshot-{step.Step.Index + 1}.png";
        var path = RunFolderPath.Resolve(step.RunFolder, name)
            ?? throw Fail(step, $"parameter 'path': '{name}' leads outside the run folder; give a name relative to it");

        ScreenRect? region = null;
        if (step.Parameters.Has("window"))
        {
            region = (await StepWindowAsync(step, ct)).Bounds;
        }

        var (image, why) = await CaptureWithoutSecretsAsync(region, ct);
        if (image is null)
        {
            throw Fail(step, $"no screenshot: {why}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await PngEncoder.SaveAsync(image, path, ct);
        if (step.Parameters.GetOptionalString("variable") is { } variable)
        {
            step.Variables.Set(variable, path);
        }

        step.Log($"saved a {image.Width}x{image.Height} screenshot to {Path.GetRelativePath(step.RunFolder, path)}");
    }

    private sealed record Search(string Name, PixelImage Template, double Confidence, ScreenRect? Region, string? Window);

    private Search ImageSearch(StepContext step)
    {
        var name = step.Parameters.GetString("image");
        var confidence = step.Parameters.GetOptionalDouble("confidence") ?? DefaultConfidence;
        if (confidence is <= 0 or > 1)
        {
            throw Fail(step, "parameter 'confidence' must be between 0 and 1 (0.9 is a good start)");
        }

        ScreenRect? region = null;
        if (step.Parameters.GetOptionalString("region") is { } text)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 4 || !parts.All(part => int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                throw Fail(step, $"parameter 'region' must be \"x,y,width,height\", not '{text}'");
            }

            var numbers = parts.Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
            region = new ScreenRect(numbers[0], numbers[1], numbers[2], numbers[3]);
        }

        return new Search(name, LoadTemplate(step, name), confidence, region, step.Parameters.GetOptionalString("window"));
    }

    private PixelImage LoadTemplate(StepContext step, string name)
    {
        var path = ResolveImagePath(name);
        if (!_templates.TryGetValue(path, out var template))
        {
            if (!File.Exists(path))
            {
                throw Fail(step, $"parameter 'image': file '{name}' not found (looked at {path})");
            }

            template = PngDecoder.Load(path);
            _templates[path] = template;
        }

        return template;
    }

    /// <summary>A relative template path is read beside the robot's own file, where people keep them, whatever the current folder.</summary>
    private string ResolveImagePath(string name) => Path.GetFullPath(name, _run.RobotFolder);

    private async Task<(ImageMatch? Match, ImageMatch? Best)> LookForImageAsync(StepContext step, Search search, TimeSpan timeout, CancellationToken ct)
    {
        ImageMatch? best = null;
        var found = await Poll.UntilAsync(
            async c =>
            {
                var attempt = await MatchOnceAsync(step, search, c);
                if (attempt.Best is not null && (best is null || attempt.Best.Confidence > best.Confidence))
                {
                    best = attempt.Best;
                }

                return attempt.Match;
            },
            timeout,
            Time,
            ct);
        return (found, best);
    }

    private async Task<(ImageMatch? Match, ImageMatch? Best)> MatchOnceAsync(StepContext step, Search search, CancellationToken ct)
    {
        var region = search.Region;
        if (search.Window is not null)
        {
            region = (await StepWindowAsync(step, ct)).Bounds;
        }

        var screen = await _driver.CaptureAsync(region, ct);
        var origin = region is { } r ? new ScreenPoint(Math.Max(0, r.X), Math.Max(0, r.Y)) : default;
        var best = TemplateMatcher.FindBest(screen, search.Template);
        if (best is null)
        {
            return (null, null);
        }

        var onScreen = best with { Bounds = best.Bounds with { X = best.Bounds.X + origin.X, Y = best.Bounds.Y + origin.Y } };
        return (onScreen.Confidence >= search.Confidence ? onScreen : null, onScreen);
    }

    private static string Found(Search search, ImageMatch match) =>
        string.Create(CultureInfo.InvariantCulture, $"found image {search.Name} at {match.Center} (confidence {match.Confidence:0.000})");

    private static string NotFound(Search search, ImageMatch? best, TimeSpan timeout) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"image {search.Name} not found on the screen{(timeout > TimeSpan.Zero ? " after " + Duration.Format(timeout) : "")}") +
        (best is null
            ? " (the template is larger than the searched area)"
            : string.Create(CultureInfo.InvariantCulture, $" (best match {best.Confidence:0.000} at {best.Center}, needs {search.Confidence:0.###})"));
}
