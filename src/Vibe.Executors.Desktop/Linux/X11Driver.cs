using System.Diagnostics;
using System.Runtime.CompilerServices;
using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// The X11 backend: Xlib for windows and capture, XTest for input, AT-SPI (through <see cref="AtspiClient"/>)
/// for elements. Owns one X connection, used only on its own thread.
/// </summary>
internal sealed partial class X11Driver : IDesktopDriver
{
    private readonly DriverThread _thread;
    private readonly StrongBox<bool> _connectionLost = new();
    private readonly List<Process> _launched = [];
    private readonly bool _accessibility;

    // How launched programs start (the operator's umask); null starts them directly.
    private readonly IProgramStarter? _starter;
    private nint _display;
    private nuint _root;
    private int _screen;
    private X11Keyboard _keyboard = null!;
    private Atoms _atoms = null!;

    private X11Driver(DriverThread thread, string displayName, bool accessibility, IProgramStarter? starter)
    {
        _thread = thread;
        _starter = starter;
        DisplayName = displayName;
        _accessibility = accessibility;
    }

    public string Backend => "x11";

    /// <summary>The display this driver is connected to (":99").</summary>
    public string DisplayName { get; }

    public static async ValueTask<X11Driver> OpenAsync(string displayName, bool accessibility, IProgramStarter? starter, CancellationToken cancellationToken)
    {
        var thread = new DriverThread($"vibe-x11 {displayName}");
        var driver = new X11Driver(thread, displayName, accessibility, starter);
        try
        {
            await thread.RunAsync(driver.Connect, cancellationToken);
            return driver;
        }
        catch
        {
            thread.Dispose();
            throw;
        }
    }

    private void Connect()
    {
        XErrors.Install();
        _display = Xlib.XOpenDisplay(DisplayName);
        if (_display == 0)
        {
            throw new SessionUnavailableException(
                $"cannot open the X display '{DisplayName}': no X server is listening there (or access is denied). " +
                "Run vibe inside the desktop session, or set DISPLAY (or \"display\" in the robot's \"desktop\" block) to a running X server.");
        }

        XErrors.SurviveConnectionLoss(_display, _connectionLost);
        _screen = Xlib.XDefaultScreen(_display);
        _root = Xlib.XRootWindow(_display, _screen);
        _keyboard = new X11Keyboard(_display);
        _atoms = new Atoms(_display);
    }

    public async ValueTask<DesktopSessionInfo> CheckSessionAsync(CancellationToken cancellationToken)
    {
        var info = await _thread.RunAsync(
            () =>
            {
                var width = Xlib.XDisplayWidth(_display, _screen);
                var height = Xlib.XDisplayHeight(_display, _screen);
                var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["DISPLAY"] = DisplayName };
                string? problem = null;
                if (_connectionLost.Value)
                {
                    problem = $"the connection to X display '{DisplayName}' was lost";
                }
                else if (XTest.XTestQueryExtension(_display, out _, out _, out var major, out var minor) == 0)
                {
                    problem = $"the X server on '{DisplayName}' has no XTEST extension, so vibe cannot move the mouse or type";
                }
                else
                {
                    details["XTEST"] = $"{major}.{minor}";
                }

                details["window manager"] = WindowManagerName() ?? "none";
                if (_accessibility)
                {
                    details["AT_SPI_BUS"] = AccessibilityBusProblem() is not { } missing ? "published"
                        : PublishAccessibilityBus() is { } address ? $"published by vibe ({address}): the display had none, and Qt programs started from now on need it"
                        : "missing: " + missing;
                }
                return new DesktopSessionInfo(Backend, problem is null, problem, new ScreenRect(0, 0, width, height), details);
            },
            cancellationToken);
        if (_accessibility)
        {
            var details = new Dictionary<string, string>(info.Details, StringComparer.Ordinal)
            {
                ["AT-SPI"] = await AtspiClient.Shared.StatusAsync(cancellationToken),
            };
            info = info with { Details = details };
        }

        return info;
    }

    public ValueTask<int> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(request.Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = request.WorkingDirectory ?? "",
        };
        foreach (var argument in request.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The program shows on this driver's display and exposes its widgets over AT-SPI (GTK skips the
        // bridge when NO_AT_BRIDGE is set; Qt only talks AT-SPI when asked).
        start.Environment["DISPLAY"] = DisplayName;
        start.Environment.Remove("NO_AT_BRIDGE");
        start.Environment["QT_ACCESSIBILITY"] = "1";
        start.Environment["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1";
        start.Environment["GNOME_ACCESSIBILITY"] = "1";
        request.Apply(start);
        Process process;
        try
        {
            process = new Process { StartInfo = start };
            if (_starter is null)
            {
                process.Start();
            }
            else
            {
                _starter.Start(process);
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DesktopDriverException($"could not start '{request.Program}': {ex.Message}", ex);
        }

        // In the background: a program that reads its input late must not hold up the step.
        _ = request.Feed(process);

        request.Drain(process);
        lock (_launched)
        {
            _launched.Add(process);
        }

        return ValueTask.FromResult(process.Id);
    }

    public ValueTask<PixelImage> CaptureAsync(ScreenRect? region, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(() => Capture(region), cancellationToken));

    public ValueTask ResetIdleTimerAsync(CancellationToken cancellationToken) =>
        new(_thread.RunAsync(
            () =>
            {
                Xlib.XResetScreenSaver(_display);
                Xlib.XSync(_display, 0);
            },
            cancellationToken));

    public ValueTask<IAsyncDisposable> InhibitIdleAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _thread.RunAsync(
                () =>
                {
                    if (_display != 0)
                    {
                        if (!_connectionLost.Value)
                        {
                            _keyboard.RestoreAll();
                        }

                        Xlib.XCloseDisplay(_display);
                        _display = 0;
                    }
                },
                CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
        }

        _thread.Dispose();
        lock (_launched)
        {
            // The programs keep running (a robot may start an application for the user); only our handles go.
            foreach (var process in _launched)
            {
                process.Dispose();
            }

            _launched.Clear();
        }
    }

    private PixelImage Capture(ScreenRect? region)
    {
        ThrowIfLost();
        var screen = new ScreenRect(0, 0, Xlib.XDisplayWidth(_display, _screen), Xlib.XDisplayHeight(_display, _screen));
        var area = region?.Intersect(screen) ?? screen;
        if (area.IsEmpty)
        {
            throw new DesktopDriverException($"the area {region} is outside the {screen.Width}x{screen.Height} screen");
        }

        XErrors.Clear();
        var image = Xlib.XGetImage(_display, _root, area.X, area.Y, (uint)area.Width, (uint)area.Height, Xlib.AllPlanes, Xlib.ZPixmap);
        if (image == 0)
        {
            throw new DesktopDriverException($"XGetImage failed for {area}: {XErrors.Take() ?? "no image returned"}");
        }

        try
        {
            return X11Pixels.ToPixelImage(image);
        }
        finally
        {
            X11Pixels.Destroy(image);
        }
    }

    private void ThrowIfLost()
    {
        if (_connectionLost.Value || _display == 0)
        {
            throw new DesktopDriverException($"the connection to X display '{DisplayName}' is gone");
        }
    }

    private sealed class NothingToUndo : IAsyncDisposable
    {
        public static readonly NothingToUndo Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
