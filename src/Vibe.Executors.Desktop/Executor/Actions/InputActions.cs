using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>{"action": "moveMouse", "x": 10, "y": 20}: input that goes wherever the screen says.</summary>
internal sealed class MoveMouseAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("moveMouse", "Move the mouse to x, y (of the screen, or of a window)",
        [Number("x", "pixels from the left").IsRequired(), Number("y", "pixels from the top").IsRequired(), Selector("window", "count from this window's top-left corner")]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var point = await session.PointAsync(step, ct);
        await session.Driver.MoveMouseAsync(point, ct);
        step.Log($"moved the mouse to {point}");
    }
}

/// <summary>{"action": "clickAt", "x": 10, "y": 20, "button": "right"}.</summary>
internal sealed class ClickAtAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("clickAt", "Click at x, y (of the screen, or of a window)",
    [
        Number("x", "pixels from the left").IsRequired(),
        Number("y", "pixels from the top").IsRequired(),
        Selector("window", "count from this window's top-left corner"),
        DesktopActions.Button,
        DesktopActions.Clicks,
    ]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var point = await session.PointAsync(step, ct);
        var button = DesktopSession.ButtonParameter(step);
        var clicks = step.Parameters.GetInt("clicks", 1);
        if (clicks is < 1 or > 3)
        {
            throw DesktopSession.Fail(step, "parameter 'clicks' must be 1, 2 or 3");
        }

        await session.Driver.ClickAsync(point, button, clicks, ct);
        step.Log($"clicked {button.ToString().ToLowerInvariant()} {(clicks > 1 ? clicks + " times " : "")}at {point}");
    }
}

/// <summary>{"action": "typeKeys", "text": "hello"}: types into whatever has the keyboard focus.</summary>
internal sealed class TypeKeysAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("typeKeys", "Type text into whatever has the keyboard focus",
        [Text("text", "what to type").IsRequired(), DesktopActions.Delay]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("text");
        var delay = step.Parameters.GetDuration("delay", session.Options.TypingDelay);
        await session.Driver.TypeTextAsync(text, delay, ct);
        await session.RememberSecretPlaceAsync(text, null, ct);
        step.Log($"typed {text.Length} characters");
    }
}

/// <summary>{"action": "hotkey", "keys": "ctrl+s"}: presses key chords in turn.</summary>
internal sealed class HotkeyAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("hotkey", "Press key chords such as ctrl+s, alt+f4 or \"ctrl+a delete\"",
        [Text("keys", "one chord or several separated by spaces or commas").IsRequired()]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("keys");
        IReadOnlyList<KeyChord> chords;
        try
        {
            chords = KeyChord.ParseSequence(text);
        }
        catch (FormatException ex)
        {
            throw DesktopSession.Fail(step, $"parameter 'keys': {ex.Message}");
        }

        foreach (var chord in chords)
        {
            await session.Driver.PressChordAsync(chord, ct);
        }

        step.Log($"pressed {string.Join(" ", chords)}");
    }
}

/// <summary>{"action": "scroll", "amount": 3}: turns the mouse wheel, optionally over an element or a point first.</summary>
internal sealed class ScrollAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("scroll", "Turn the mouse wheel (amount: notches, positive scrolls down or right)",
    [
        Integer("amount", "wheel notches; positive scrolls down (or right)", -1000, 1000).IsRequired(),
        Boolean("horizontal", "scroll sideways").DefaultsTo("false"),
        Selector("selector", "point at this element first"),
        Number("x", "point here first (with y)"),
        Number("y", "point here first (with x)"),
        Selector("window", "x and y count from this window's top-left corner"),
    ]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var amount = step.Parameters.GetInt("amount", 0);
        var horizontal = step.Parameters.GetBool("horizontal", false);
        if (step.Parameters.Has("selector"))
        {
            using var element = await session.FindElementAsync(step, ct);
            var bounds = (await session.Driver.DescribeAsync(element, ct)).Bounds;
            if (!bounds.IsEmpty)
            {
                await session.Driver.MoveMouseAsync(bounds.Center, ct);
            }
        }
        else if (step.Parameters.Has("x"))
        {
            await session.Driver.MoveMouseAsync(await session.PointAsync(step, ct), ct);
        }

        await session.Driver.ScrollAsync(horizontal ? 0 : amount, horizontal ? amount : 0, ct);
        step.Log($"scrolled {Math.Abs(amount)} notches {(horizontal ? amount >= 0 ? "right" : "left" : amount >= 0 ? "down" : "up")}");
    }
}
