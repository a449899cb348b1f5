namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// A top-level window as the backend sees it. <see cref="Handle"/> is opaque outside the backend that
/// produced it (an X11 window id, an HWND).
/// </summary>
/// <param name="Handle">Backend handle; stable while the window lives.</param>
/// <param name="Title">_NET_WM_NAME or WM_NAME on X11, the window text on Windows; "" when it has none.</param>
/// <param name="ProcessId">Owning process, 0 when the backend cannot tell (_NET_WM_PID missing).</param>
/// <param name="ProcessName">Executable name without path or ".exe"; "" when unknown.</param>
/// <param name="ClassName">WM_CLASS class on X11, the window class on Windows.</param>
/// <param name="Bounds">Outer bounds on the screen.</param>
/// <param name="IsVisible">Mapped / visible and not minimized.</param>
public sealed record DesktopWindow(
    long Handle,
    string Title,
    int ProcessId,
    string ProcessName,
    string ClassName,
    ScreenRect Bounds,
    bool IsVisible)
{
    public override string ToString() =>
        $"\"{Title}\" (pid {ProcessId}{(ProcessName.Length > 0 ? " " + ProcessName : "")}, class {ClassName}, {Bounds})";
}
