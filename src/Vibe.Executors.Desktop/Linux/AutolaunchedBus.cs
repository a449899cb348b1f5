using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// A session bus libdbus started for vibe. A process on an X display without DBUS_SESSION_BUS_ADDRESS gets one
/// from dbus-launch ("autolaunch", found again through an X selection), and libatspi's first call then starts
/// at-spi-bus-launcher, its own dbus-daemon and the registry on it. None of them ends with the process that
/// caused them (`vibe inspect` left five daemons per display), so the process that started the bus stops them.
/// A bus that was already there when vibe came is someone else's and is left alone.
/// </summary>
internal sealed unsafe class AutolaunchedBus
{
    private readonly string _display;
    private readonly string _selection;
    private string _publishedBefore = "";

    private AutolaunchedBus(string display, string selection)
    {
        _display = display;
        _selection = selection;
    }

    /// <summary>Before libatspi connects: a watcher when libdbus is about to start a bus of its own, else null.</summary>
    public static AutolaunchedBus? BeforeConnecting()
    {
        var display = Environment.GetEnvironmentVariable("DISPLAY");
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"))
            || string.IsNullOrEmpty(display)
            || MachineId() is not { } machine)
        {
            return null;
        }

        // The name dbus-launch --autolaunch owns on the display (dbus-sysdeps-unix / dbus-launch-x11).
        var bus = new AutolaunchedBus(display, $"_DBUS_SESSION_BUS_SELECTION_{Environment.UserName}_{machine}");
        if (bus.Read(out _, out _, out _))
        {
            return null;
        }

        bus._publishedBefore = bus.RootBusAddress(set: null);
        return bus;
    }

    /// <summary>Stops the bus, its launcher and the services the bus started (the accessibility bus and registry).</summary>
    public void Stop()
    {
        if (!Read(out var address, out var busPid, out var launcherPid))
        {
            return;
        }

        var services = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && (UsesBus(pid, address) || WatchesDisplay(pid, _display)))
            {
                services.Add(pid);
            }
        }

        // The accessibility bus launcher wrote its address on the root window; left there, it would send every
        // later AT-SPI client (libatspi and GTK read it first) to a bus that is gone.
        if (RootBusAddress(set: null) != _publishedBefore)
        {
            RootBusAddress(set: _publishedBefore);
        }

        foreach (var pid in services.Append(busPid).Append(launcherPid).Where(pid => pid > 1))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already: the bus's services end with it.
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    /// <summary>The bus's address and pid and dbus-launch's pid, from the window that owns the selection.</summary>
    private bool Read(out string address, out int busPid, out int launcherPid)
    {
        address = "";
        busPid = 0;
        launcherPid = 0;
        var display = Xlib.XOpenDisplay(_display);
        if (display == 0)
        {
            return false;
        }

        try
        {
            var owner = Xlib.XGetSelectionOwner(display, Xlib.XInternAtom(display, _selection, 0));
            if (owner == 0)
            {
                return false;
            }

            address = ReadProperty(display, owner, "_DBUS_SESSION_BUS_ADDRESS", out _) is { } text ? Encoding.UTF8.GetString(text).TrimEnd('\0') : "";
            busPid = ReadProperty(display, owner, "_DBUS_SESSION_BUS_PID", out var format) is { Length: >= 4 } pid && format == 32
                ? (int)BitConverter.ToInt64(pid.Length >= 8 ? pid : [.. pid, 0, 0, 0, 0])
                : 0;
            launcherPid = XRes.ProcessOf(display, owner);
            return address.Length > 0;
        }
        finally
        {
            Xlib.XCloseDisplay(display);
        }
    }

    /// <summary>The root window's AT_SPI_BUS ("" when none); with <paramref name="set"/>, writes it first ("" deletes it).</summary>
    private string RootBusAddress(string? set)
    {
        var display = Xlib.XOpenDisplay(_display);
        if (display == 0)
        {
            return "";
        }

        try
        {
            var root = Xlib.XRootWindow(display, Xlib.XDefaultScreen(display));
            var property = Xlib.XInternAtom(display, "AT_SPI_BUS", 0);
            if (set is { Length: 0 })
            {
                Xlib.XDeleteProperty(display, root, property);
                Xlib.XSync(display, 0);
            }
            else if (set is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(set);
                fixed (byte* data = bytes)
                {
                    // XA_STRING is atom 31; PropModeReplace is 0.
                    Xlib.XChangeProperty(display, root, property, 31, 8, 0, data, bytes.Length);
                }

                Xlib.XSync(display, 0);
            }

            return ReadProperty(display, root, "AT_SPI_BUS", out _) is { } text ? Encoding.UTF8.GetString(text).TrimEnd('\0') : "";
        }
        finally
        {
            Xlib.XCloseDisplay(display);
        }
    }

    private static byte[]? ReadProperty(nint display, nuint window, string name, out int format)
    {
        format = 0;
        var property = Xlib.XInternAtom(display, name, 0);
        if (Xlib.XGetWindowProperty(display, window, property, 0, 1024, 0, Xlib.AnyPropertyType, out _, out format, out var count, out _, out var data) != 0
            || data == 0)
        {
            return null;
        }

        try
        {
            // Xlib hands 32-bit items back as C longs (8 bytes here).
            var size = format switch { 8 => (int)count, 16 => (int)count * 2, 32 => (int)count * sizeof(nint), _ => 0 };
            return new ReadOnlySpan<byte>((void*)data, size).ToArray();
        }
        finally
        {
            Xlib.XFree(data);
        }
    }

    /// <summary>True when the process was started by the bus, or by one of its services (they inherit the address).</summary>
    private static bool UsesBus(int pid, string address)
    {
        try
        {
            var environment = File.ReadAllText($"/proc/{pid}/environ");
            return environment.Contains("\0DBUS_SESSION_BUS_ADDRESS=" + address + "\0", StringComparison.Ordinal)
                || environment.StartsWith("DBUS_SESSION_BUS_ADDRESS=" + address + "\0", StringComparison.Ordinal)
                || environment.Contains("DBUS_STARTER_ADDRESS=" + address + "\0", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// True for dbus-launch's watcher of this display: it forks after connecting to X, so the X server names the
    /// parent that has exited, and the one left is found by its command line.
    /// </summary>
    private static bool WatchesDisplay(int pid, string display)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").StartsWith("dbus-launch\0--autolaunch\0", StringComparison.Ordinal)
                && File.ReadAllText($"/proc/{pid}/environ").Contains("DISPLAY=" + display + "\0", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? MachineId()
    {
        foreach (var path in (string[])["/var/lib/dbus/machine-id", "/etc/machine-id"])
        {
            try
            {
                return File.ReadAllText(path).Trim() is { Length: > 0 } id ? id : null;
            }
            catch (IOException)
            {
            }
        }

        return null;
    }
}
