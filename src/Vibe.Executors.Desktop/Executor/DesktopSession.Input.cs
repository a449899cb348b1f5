using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>moveMouse, clickAt, typeKeys, hotkey, scroll: input that goes wherever the screen says.</summary>
internal sealed partial class DesktopSession
{
    private async Task MoveMouseAsync(StepContext step, CancellationToken ct)
    {
        var point = await PointAsync(step, ct);
        await _driver.MoveMouseAsync(point, ct);
        step.Log($"moved the mouse to {point}");
    }

    private async Task ClickAtAsync(StepContext step, CancellationToken ct)
    {
        var point = await PointAsync(step, ct);
        var button = ButtonParameter(step);
        var clicks = step.Parameters.GetInt("clicks", 1);
        if (clicks is < 1 or > 3)
        {
            throw Fail(step, "parameter 'clicks' must be 1, 2 or 3");
        }

        await _driver.ClickAsync(point, button, clicks, ct);
        step.Log($"clicked {button.ToString().ToLowerInvariant()} {(clicks > 1 ? clicks + " times " : "")}at {point}");
    }

    private async Task TypeKeysAsync(StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("text");
        var delay = step.Parameters.GetDuration("delay", _options.TypingDelay);
        await _driver.TypeTextAsync(text, delay, ct);
        await RememberSecretPlaceAsync(text, null, ct);
        step.Log($"typed {text.Length} characters");
    }

    private async Task HotkeyAsync(StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("keys");
        IReadOnlyList<KeyChord> chords;
        try
        {
            chords = KeyChord.ParseSequence(text);
        }
        catch (FormatException ex)
        {
            throw Fail(step, $"parameter 'keys': {ex.Message}");
        }

        foreach (var chord in chords)
        {
            await _driver.PressChordAsync(chord, ct);
        }

        step.Log($"pressed {string.Join(" ", chords)}");
    }

    private async Task ScrollAsync(StepContext step, CancellationToken ct)
    {
        var amount = step.Parameters.GetInt("amount", 0);
        var horizontal = step.Parameters.GetBool("horizontal", false);
        if (step.Parameters.Has("selector"))
        {
            using var element = await FindElementAsync(step, ct);
            var bounds = (await _driver.DescribeAsync(element, ct)).Bounds;
            if (!bounds.IsEmpty)
            {
                await _driver.MoveMouseAsync(bounds.Center, ct);
            }
        }
        else if (step.Parameters.Has("x"))
        {
            await _driver.MoveMouseAsync(await PointAsync(step, ct), ct);
        }

        await _driver.ScrollAsync(horizontal ? 0 : amount, horizontal ? amount : 0, ct);
        step.Log($"scrolled {Math.Abs(amount)} notches {(horizontal ? amount >= 0 ? "right" : "left" : amount >= 0 ? "down" : "up")}");
    }

    /// <summary>x and y of the step: screen pixels, or pixels from a window's top-left corner when "window" is given.</summary>
    private async Task<ScreenPoint> PointAsync(StepContext step, CancellationToken ct)
    {
        var x = step.Parameters.GetOptionalDouble("x") ?? throw Fail(step, "parameter 'x' is required");
        var y = step.Parameters.GetOptionalDouble("y") ?? throw Fail(step, "parameter 'y' is required");
        var point = new ScreenPoint((int)Math.Round(x), (int)Math.Round(y));
        if (!step.Parameters.Has("window"))
        {
            return point;
        }

        var window = await StepWindowAsync(step, ct);
        return point.Offset(window.Bounds.X, window.Bounds.Y);
    }

    private MouseButton ButtonParameter(StepContext step) => step.Parameters.GetChoice(DesktopActions.Button) switch
    {
        "left" => MouseButton.Left,
        "right" => MouseButton.Right,
        "middle" => MouseButton.Middle,
        var other => throw Fail(step, $"parameter 'button' must be left, right or middle, not '{other}'"),
    };
}
