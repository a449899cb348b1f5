using System.Globalization;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>{"action": "findImage", "image": "ok.png", "variable": "ok"}: where a template is, without clicking.</summary>
internal sealed class FindImageAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("findImage", "Find a template PNG on the screen; its centre as x,y into variable (and variable.x, variable.y)",
    [
        .. ImageLookup.Parameters,
        Boolean("required", "false: a missing image sets the variable empty instead of failing").DefaultsTo("true"),
        Variable("variable", "gets x,y of the centre"),
    ]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var search = ImageLookup.From(session, step);
        var timeout = step.Parameters.GetDuration("timeout", TimeSpan.Zero);
        var (match, best) = await ImageLookup.LookAsync(session, step, search, timeout, ct);
        var variable = step.Parameters.GetOptionalString("variable");
        if (match is null)
        {
            if (step.Parameters.GetBool("required", true))
            {
                throw DesktopSession.Fail(step, ImageLookup.NotFound(search, best, timeout));
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

        step.Log(ImageLookup.Found(search, match));
    }
}

/// <summary>{"action": "clickImage", "image": "ok.png"}: waits for a template and clicks its centre.</summary>
internal sealed class ClickImageAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("clickImage", "Wait for a template PNG on the screen and click its centre",
        [.. ImageLookup.Parameters, DesktopActions.Button, DesktopActions.Clicks]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var search = ImageLookup.From(session, step);
        var timeout = session.Timeout(step);
        var (match, best) = await ImageLookup.LookAsync(session, step, search, timeout, ct);
        if (match is null)
        {
            throw DesktopSession.Fail(step, ImageLookup.NotFound(search, best, timeout));
        }

        var clicks = step.Parameters.GetInt("clicks", 1);
        await session.Driver.ClickAsync(match.Center, DesktopSession.ButtonParameter(step), clicks, ct);
        step.Log(ImageLookup.Found(search, match) + "; clicked it");
    }
}

/// <summary>{"action": "waitImage", "image": "spinner.png", "state": "hidden"}.</summary>
internal sealed class WaitImageAction : IDesktopAction
{
    private static readonly ParameterDescriptor State = Choice("state", "wait until the image is visible or hidden", "visible", "hidden").DefaultsTo("visible");

    public ActionDescriptor Descriptor { get; } = new("waitImage", "Wait until a template PNG is on the screen (or gone: state hidden)",
        [ImageLookup.Image, State, ImageLookup.Confidence, ImageLookup.Region, DesktopActions.OptionalWindow]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var search = ImageLookup.From(session, step);
        var timeout = session.Timeout(step, DesktopSession.WindowTimeout);
        var state = step.Parameters.GetChoice(State);
        if (state == "visible")
        {
            var (match, best) = await ImageLookup.LookAsync(session, step, search, timeout, ct);
            step.Log(match is null ? throw DesktopSession.Fail(step, ImageLookup.NotFound(search, best, timeout)) : ImageLookup.Found(search, match));
            return;
        }

        if (state != "hidden")
        {
            throw DesktopSession.Fail(step, $"parameter 'state' must be visible or hidden, not '{state}'");
        }

        var gone = await Poll.UntilTrueAsync(async c => await ImageLookup.MatchOnceAsync(session, step, search, c) is not { Match: not null }, timeout, session.Time, ct);
        if (!gone)
        {
            throw DesktopSession.Fail(step, $"image {search.Name} is still on the screen after {Vibe.Domain.Robots.Duration.Format(timeout)}");
        }

        step.Log($"image {search.Name} is not on the screen");
    }
}
