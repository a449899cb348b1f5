namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// Creates the driver for one operating system. Every backend registers one factory; the executor, the
/// keep-alive and `vibe inspect` use the first whose <see cref="IsSupported"/> is true.
/// </summary>
public interface IDesktopDriverFactory
{
    /// <summary>"x11" or "windows".</summary>
    string Backend { get; }

    /// <summary>True when this backend can run on this operating system at all (not whether a desktop is there now).</summary>
    bool IsSupported { get; }

    /// <summary>
    /// Connects to the desktop. Throws <see cref="Vibe.Application.Executors.SessionUnavailableException"/> with a
    /// message an operator can act on when there is none (DISPLAY unreachable, session 0, locked workstation).
    /// </summary>
    ValueTask<IDesktopDriver> OpenAsync(DesktopDriverOptions options, CancellationToken cancellationToken);
}

/// <summary>Settings that reach the driver from the robot's "desktop" block and the environment.</summary>
public sealed record DesktopDriverOptions
{
    /// <summary>X11 display name (":99"); null for $DISPLAY. Ignored on Windows.</summary>
    public string? Display { get; init; }

    /// <summary>Whether element (accessibility) support is wanted; input and capture work without it.</summary>
    public bool Accessibility { get; init; } = true;

    /// <summary>The robot's desktop.framework (Windows): which tree the evidence shows for a window.</summary>
    public ElementFramework Framework { get; init; }
}
