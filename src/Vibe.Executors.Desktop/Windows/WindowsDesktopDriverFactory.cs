using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;
using Vibe.Executors.Desktop.Windows.Session;

namespace Vibe.Executors.Desktop.Windows;

/// <summary>Opens <see cref="WindowsDesktopDriver"/> after checking that this session has a desktop to drive.</summary>
internal sealed class WindowsDesktopDriverFactory : IDesktopDriverFactory
{
    private static int _dpiAware;

    public string Backend => "windows";

    public bool IsSupported => OperatingSystem.IsWindows();

    public ValueTask<IDesktopDriver> OpenAsync(DesktopDriverOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the Windows desktop driver runs on Windows only");
        }

        // Per-monitor DPI awareness makes every coordinate (UIA bounds, cursor, capture, SendInput) physical pixels;
        // without it Windows scales them per monitor and clicks land beside their target on a 150 % display.
        if (Interlocked.Exchange(ref _dpiAware, 1) == 0)
        {
            try
            {
                User32.SetProcessDpiAwarenessContext(User32.DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2);
            }
            catch (EntryPointNotFoundException)
            {
                // Before Windows 10 1703 (Server 2016): system awareness is right on the primary monitor's scale.
                User32.SetProcessDPIAware();
            }
        }

        var session = WindowsSessionRules.Assess(WindowsSessionProbe.Read());
        if (!session.IsAvailable)
        {
            throw new SessionUnavailableException(session.Problem!);
        }

        return ValueTask.FromResult<IDesktopDriver>(new WindowsDesktopDriver(options));
    }
}
