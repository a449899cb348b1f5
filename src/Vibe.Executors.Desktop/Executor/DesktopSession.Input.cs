using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor.Actions;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>Where pointer steps point: x and y of the screen or a window, and which button.</summary>
internal sealed partial class DesktopSession
{
    private static readonly TimeSpan TypedSettle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Waits (up to two seconds) until the element shows what was typed into it. XTest hands the keys to the X
    /// server, and the application handles them in its own time: with element lookups taking milliseconds, the next
    /// step (a Submit click, a read) could otherwise beat the last keys. A field that masks or changes the text
    /// (a password, autocorrection) just costs the two seconds; it is not an error.
    /// </summary>
    internal async Task WaitUntilShownAsync(DesktopElement element, string typed, CancellationToken ct)
    {
        var expected = typed.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (expected.Length == 0)
        {
            return;
        }

        await Poll.UntilTrueAsync(
            async c =>
            {
                try
                {
                    return (await _driver.ReadTextAsync(element, c)).Contains(expected, StringComparison.Ordinal);
                }
                catch (DesktopDriverException)
                {
                    // Gone or unreadable (an Enter may have closed the dialog): nothing to wait for.
                    return true;
                }
            },
            TypedSettle,
            Time,
            ct);
    }

    /// <summary>x and y of the step: screen pixels, or pixels from a window's top-left corner when "window" is given.</summary>
    internal async Task<ScreenPoint> PointAsync(StepContext step, CancellationToken ct)
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

    internal static MouseButton ButtonParameter(StepContext step) => step.Parameters.GetChoice(DesktopActions.Button) switch
    {
        "left" => MouseButton.Left,
        "right" => MouseButton.Right,
        "middle" => MouseButton.Middle,
        var other => throw Fail(step, $"parameter 'button' must be left, right or middle, not '{other}'"),
    };
}
