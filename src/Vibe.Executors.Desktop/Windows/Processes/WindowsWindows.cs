using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Input;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Processes;

/// <summary>Top-level windows: listing (EnumWindows), focusing past the foreground lock, closing, launching programs.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe class WindowsWindows
{
    /// <summary>Visible top-level windows in Z order, topmost first (EnumWindows' order), minimized ones included.</summary>
    public static IReadOnlyList<DesktopWindow> List()
    {
        var handles = new List<nint>();
        var state = GCHandle.Alloc(handles);
        try
        {
            User32.EnumWindows(&CollectWindow, GCHandle.ToIntPtr(state));
        }
        finally
        {
            state.Free();
        }

        var processNames = new Dictionary<int, string>();
        return handles
            .Where(handle => User32.IsWindowVisible(handle) && !IsCloaked(handle))
            .Select(handle => Describe(handle, processNames))
            .ToList();
    }

    public static DesktopWindow Describe(nint handle, Dictionary<int, string>? processNames = null)
    {
        User32.GetWindowThreadProcessId(handle, out var pid);
        var processId = (int)pid;
        processNames ??= [];
        if (!processNames.TryGetValue(processId, out var processName))
        {
            processName = ProcessName(processId);
            processNames[processId] = processName;
        }

        return new DesktopWindow(
            handle,
            Title(handle),
            processId,
            processName,
            ClassName(handle),
            Bounds(handle),
            User32.IsWindowVisible(handle) && !User32.IsIconic(handle));
    }

    /// <summary>
    /// Brings the window to the front with keyboard focus. Windows only lets the foreground process (or one it
    /// allows) change the foreground window; a service-started robot is not that process, so a plain
    /// SetForegroundWindow merely flashes the taskbar button. The usual way past the lock: attach this thread's
    /// input to the current foreground thread's for the call, and if that is not enough, hold ALT during the call:
    /// synthetic input makes this process the last to receive input, which lifts the lock.
    /// </summary>
    public static void Focus(nint handle)
    {
        if (!User32.IsWindow(handle))
        {
            throw new DesktopDriverException("the window is gone (it was closed)");
        }

        if (User32.IsIconic(handle))
        {
            User32.ShowWindow(handle, User32.SW_RESTORE);
        }

        if (User32.GetForegroundWindow() == handle)
        {
            return;
        }

        var foregroundThread = User32.GetWindowThreadProcessId(User32.GetForegroundWindow(), out _);
        var thisThread = Kernel32.GetCurrentThreadId();
        var attached = foregroundThread != 0 && foregroundThread != thisThread && User32.AttachThreadInput(thisThread, foregroundThread, true);
        try
        {
            User32.BringWindowToTop(handle);
            User32.SetForegroundWindow(handle);
        }
        finally
        {
            if (attached)
            {
                User32.AttachThreadInput(thisThread, foregroundThread, false);
            }
        }

        if (User32.GetForegroundWindow() != handle)
        {
            // ALT goes down before the switch and up after it, so neither window sees a lone ALT press and
            // opens its menu bar.
            WindowsInput.Send([INPUT.Key(VirtualKeys.Menu, 0, 0)]);
            try
            {
                User32.SetForegroundWindow(handle);
            }
            finally
            {
                WindowsInput.Send([INPUT.Key(VirtualKeys.Menu, 0, KEYBDINPUT.KEYEVENTF_KEYUP)]);
            }
        }

        if (User32.GetForegroundWindow() != handle)
        {
            throw new DesktopDriverException(
                $"Windows refused to bring \"{Title(handle)}\" to the front (foreground lock); "
                + "another window may be holding focus, or the session is locked");
        }
    }

    /// <summary>Posts WM_CLOSE: the polite request a click on the close button makes.</summary>
    public static void RequestClose(nint handle)
    {
        if (!User32.PostMessageW(handle, User32.WM_CLOSE, 0, 0) && User32.IsWindow(handle))
        {
            throw new DesktopDriverException($"could not ask the window to close (Win32 error {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>
    /// Starts the program with its standard output and error redirected, so a console program's last words can go
    /// into the evidence (a GUI program writes nothing there and is not bothered by it). The caller owns the returned
    /// process: it reads the output and disposes the handle.
    /// </summary>
    public static Process Launch(LaunchRequest request)
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

        request.Apply(start);
        try
        {
            var process = Process.Start(start) ?? throw new DesktopDriverException($"could not start '{request.Program}'");
            request.Feed(process).GetAwaiter().GetResult();
            return process;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DesktopDriverException($"could not start '{request.Program}': {ex.Message}", ex);
        }
    }

    private static string Title(nint handle)
    {
        var length = User32.GetWindowTextLengthW(handle);
        if (length <= 0)
        {
            return "";
        }

        var buffer = new char[length + 1];
        fixed (char* text = buffer)
        {
            var copied = User32.GetWindowTextW(handle, text, buffer.Length);
            return new string(text, 0, Math.Max(0, copied));
        }
    }

    private static string ClassName(nint handle)
    {
        var buffer = stackalloc char[257];
        var length = User32.GetClassNameW(handle, buffer, 257);
        return length > 0 ? new string(buffer, 0, length) : "";
    }

    // The extended frame bounds leave out the invisible resize borders Windows 10 adds around windows.
    private static ScreenRect Bounds(nint handle)
    {
        if (Dwmapi.DwmGetWindowAttribute(handle, Dwmapi.DWMWA_EXTENDED_FRAME_BOUNDS, out UiaRect frame, sizeof(UiaRect)) != 0
            && !User32.GetWindowRect(handle, out frame))
        {
            return default;
        }

        return new ScreenRect(frame.Left, frame.Top, frame.Width, frame.Height);
    }

    // Suspended UWP apps and windows on other virtual desktops are "visible" but cloaked: not on screen.
    private static bool IsCloaked(nint handle) =>
        Dwmapi.DwmGetWindowAttribute(handle, Dwmapi.DWMWA_CLOAKED, out int cloaked, sizeof(int)) == 0 && cloaked != 0;

    private static string ProcessName(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.ProcessName;
        }
        catch (ArgumentException)
        {
            return "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    [UnmanagedCallersOnly]
    private static int CollectWindow(nint handle, nint state)
    {
        ((List<nint>)GCHandle.FromIntPtr(state).Target!).Add(handle);
        return 1;
    }
}
