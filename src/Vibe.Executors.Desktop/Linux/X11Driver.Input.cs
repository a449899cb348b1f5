using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>Mouse and keyboard through XTest: the server treats the events as real device input.</summary>
internal sealed partial class X11Driver
{
    public ValueTask<ScreenPoint> GetMousePositionAsync(CancellationToken cancellationToken) =>
        new(_thread.RunAsync(
            () =>
            {
                ThrowIfLost();
                Xlib.XQueryPointer(_display, _root, out _, out _, out var x, out var y, out _, out _, out _);
                return new ScreenPoint(x, y);
            },
            cancellationToken));

    public ValueTask MoveMouseAsync(ScreenPoint point, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(() => Move(point), cancellationToken));

    public ValueTask ClickAsync(ScreenPoint point, MouseButton button, int count, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(
            () =>
            {
                Move(point);
                for (var i = 0; i < Math.Max(1, count); i++)
                {
                    Button(ButtonNumber(button), down: true);
                    Button(ButtonNumber(button), down: false);
                }

                Xlib.XSync(_display, 0);
            },
            cancellationToken));

    public ValueTask MouseButtonAsync(MouseButton button, bool down, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(
            () =>
            {
                Button(ButtonNumber(button), down);
                Xlib.XSync(_display, 0);
            },
            cancellationToken));

    public ValueTask ScrollAsync(int down, int right, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(
            () =>
            {
                // Wheel notches are buttons 4/5 (up/down) and 6/7 (left/right) in X.
                for (var i = 0; i < Math.Abs(down); i++)
                {
                    Button(down > 0 ? 5u : 4u, down: true);
                    Button(down > 0 ? 5u : 4u, down: false);
                }

                for (var i = 0; i < Math.Abs(right); i++)
                {
                    Button(right > 0 ? 7u : 6u, down: true);
                    Button(right > 0 ? 7u : 6u, down: false);
                }

                Xlib.XSync(_display, 0);
            },
            cancellationToken));

    public ValueTask TypeTextAsync(string text, TimeSpan delayBetweenKeys, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(
            () =>
            {
                ThrowIfLost();
                _keyboard.TypeText(text, delayBetweenKeys, cancellationToken);
            },
            cancellationToken));

    public ValueTask PressChordAsync(KeyChord chord, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(
            () =>
            {
                ThrowIfLost();
                _keyboard.PressChord(chord);
            },
            cancellationToken));

    private void Move(ScreenPoint point)
    {
        ThrowIfLost();
        XTest.XTestFakeMotionEvent(_display, -1, point.X, point.Y, 0);
        Xlib.XSync(_display, 0);
    }

    private void Button(uint button, bool down)
    {
        ThrowIfLost();
        XTest.XTestFakeButtonEvent(_display, button, down ? 1 : 0, 0);
    }

    private static uint ButtonNumber(MouseButton button) => button switch
    {
        MouseButton.Middle => 2,
        MouseButton.Right => 3,
        _ => 1,
    };
}
