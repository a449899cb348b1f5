using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor.Actions;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>Where pointer steps point: x and y of the screen or a window, and which button.</summary>
internal sealed partial class DesktopSession
{
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
