namespace Vibe.Executors.Desktop.Driver;

public enum MouseButton
{
    Left,
    Middle,
    Right,
}
