using System.Text;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>Top-level windows: XQueryTree, EWMH and ICCCM properties, focus and polite closing.</summary>
internal sealed unsafe partial class X11Driver
{
    public ValueTask<IReadOnlyList<DesktopWindow>> ListWindowsAsync(CancellationToken cancellationToken) =>
        new(_thread.RunAsync(ListWindows, cancellationToken));

    public ValueTask FocusWindowAsync(DesktopWindow window, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(() => Focus(window), cancellationToken));

    public ValueTask RequestCloseAsync(DesktopWindow window, CancellationToken cancellationToken) =>
        new(_thread.RunAsync(() => RequestClose(window), cancellationToken));

    private IReadOnlyList<DesktopWindow> ListWindows()
    {
        ThrowIfLost();
        var windows = new List<DesktopWindow>();
        var children = QueryChildren(_root);

        // XQueryTree lists bottom to top; robots mean the front-most window first.
        for (var i = children.Length - 1; i >= 0; i--)
        {
            var top = children[i];
            if (Xlib.XGetWindowAttributes(_display, top, out var attributes) == 0
                || attributes.MapState != Xlib.IsViewable
                || attributes.OverrideRedirect != 0)
            {
                continue;
            }

            // With a reparenting window manager the application's window sits inside a frame and carries WM_STATE;
            // with none (a bare Xvfb) the root's children are the applications' windows themselves.
            var client = HasProperty(top, _atoms.WmState) ? top : FindClient(top, depth: 3);
            if (client == 0)
            {
                if (ReadTitle(top).Length == 0 && ReadClass(top).Length == 0)
                {
                    continue;
                }

                client = top;
            }

            windows.Add(Describe(client));
        }

        return windows;
    }

    private DesktopWindow Describe(nuint window)
    {
        var bounds = default(ScreenRect);
        var visible = false;
        if (Xlib.XGetWindowAttributes(_display, window, out var attributes) != 0)
        {
            Xlib.XTranslateCoordinates(_display, window, _root, 0, 0, out var x, out var y, out _);
            bounds = new ScreenRect(x, y, attributes.Width, attributes.Height);
            visible = attributes.MapState == Xlib.IsViewable;
        }

        var pid = (int)ReadCardinal(window, _atoms.NetWmPid);
        if (pid == 0)
        {
            pid = XRes.ProcessOf(_display, window);
        }

        return new DesktopWindow((long)window, ReadTitle(window), pid, ProcessName(pid), ReadClass(window), bounds, visible);
    }

    private nuint FindClient(nuint window, int depth)
    {
        if (depth == 0)
        {
            return 0;
        }

        foreach (var child in QueryChildren(window))
        {
            if (HasProperty(child, _atoms.WmState))
            {
                return child;
            }

            var below = FindClient(child, depth - 1);
            if (below != 0)
            {
                return below;
            }
        }

        return 0;
    }

    private void Focus(DesktopWindow window)
    {
        ThrowIfLost();
        var handle = (nuint)window.Handle;
        XErrors.Clear();
        if (WindowManagerName() is not null)
        {
            // An EWMH window manager decides focus; asking it (source 2 = a pager, i.e. the user) is what works.
            SendClientMessage(_root, handle, _atoms.NetActiveWindow, 2, 0, 0);
        }

        Xlib.XMapRaised(_display, handle);
        Xlib.XSync(_display, 0);
        if (Xlib.XGetWindowAttributes(_display, handle, out var attributes) != 0 && attributes.MapState == Xlib.IsViewable)
        {
            Xlib.XSetInputFocus(_display, handle, Xlib.RevertToParent, Xlib.CurrentTime);
        }

        Xlib.XSync(_display, 0);
        if (XErrors.Take() is { } error)
        {
            throw new DesktopDriverException($"could not focus window {window}: {error}");
        }
    }

    private void RequestClose(DesktopWindow window)
    {
        ThrowIfLost();
        var handle = (nuint)window.Handle;
        XErrors.Clear();
        if (ReadAtoms(handle, _atoms.WmProtocols).Contains(_atoms.WmDeleteWindow))
        {
            SendClientMessage(handle, handle, _atoms.WmProtocols, (long)_atoms.WmDeleteWindow, 0, 0, toRoot: false);
        }
        else if (WindowManagerName() is not null)
        {
            SendClientMessage(_root, handle, _atoms.NetCloseWindow, 0, 2, 0);
        }

        Xlib.XSync(_display, 0);
        _ = XErrors.Take();
    }

    private void SendClientMessage(nuint target, nuint window, nuint type, long data0, long data1, long data2, bool toRoot = true)
    {
        var message = default(XClientMessageEvent);
        message.Type = Xlib.ClientMessage;
        message.SendEvent = 1;
        message.Display = _display;
        message.Window = window;
        message.MessageType = type;
        message.Format = 32;
        message.Data[0] = data0;
        message.Data[1] = data1;
        message.Data[2] = data2;
        var mask = toRoot ? (nint)(Xlib.SubstructureRedirectMask | Xlib.SubstructureNotifyMask) : 0;
        Xlib.XSendEvent(_display, target, 0, mask, &message);
    }

    /// <summary>The EWMH window manager's name, or null when none runs (a bare Xvfb).</summary>
    private string? WindowManagerName()
    {
        var check = ReadWindowProperty(_root, _atoms.NetSupportingWmCheck);
        if (check == 0)
        {
            return null;
        }

        var name = ReadText(check, _atoms.NetWmName);
        return name.Length > 0 ? name : "unnamed";
    }

    private nuint[] QueryChildren(nuint window)
    {
        if (Xlib.XQueryTree(_display, window, out _, out _, out var children, out var count) == 0 || children == 0)
        {
            return [];
        }

        var result = new nuint[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = ((nuint*)children)[i];
        }

        Xlib.XFree(children);
        return result;
    }

    private string ReadTitle(nuint window)
    {
        var title = ReadText(window, _atoms.NetWmName);
        return title.Length > 0 ? title : ReadText(window, _atoms.WmName);
    }

    /// <summary>WM_CLASS holds "instance\0class\0"; the class ("Zenity", "Gedit") is what people recognise.</summary>
    private string ReadClass(nuint window)
    {
        var parts = ReadText(window, _atoms.WmClass).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 ? parts[1] : parts.FirstOrDefault() ?? "";
    }

    /// <summary>
    /// Why Qt programs on this display may find no accessibility bus, or null. Qt asks the session bus for
    /// org.a11y.Bus and also reads the root window's AT_SPI_BUS property, which at-spi-bus-launcher sets when it
    /// starts; a program on another session bus (or of another user) has only the property to go by.
    /// </summary>
    /// <summary>
    /// Writes the session's accessibility bus address to the root window's AT_SPI_BUS, as at-spi-bus-launcher does
    /// when it starts. Qt 5.15 registers its tree only when the property is there (measured with FeatherPad: with
    /// QT_LINUX_ACCESSIBILITY_ALWAYS_ON and org.a11y.Bus on its session bus, but no property, it never registers),
    /// and a bare Xvfb drops root properties whenever its last client leaves. Returns the address, or null when
    /// the session has no accessibility bus to point at.
    /// </summary>
    private string? PublishAccessibilityBus()
    {
        if (AccessibilityBusAddress.Query() is not { } address)
        {
            return null;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(address);
        fixed (byte* data = bytes)
        {
            // XA_STRING is atom 31; PropModeReplace is 0.
            Xlib.XChangeProperty(_display, _root, _atoms.AtSpiBus, 31, 8, 0, data, bytes.Length);
        }

        Xlib.XSync(_display, 0);
        return ReadText(_root, _atoms.AtSpiBus).Length > 0 ? address : null;
    }

    private string? AccessibilityBusProblem() =>
        ReadText(_root, _atoms.AtSpiBus).Length > 0
            ? null
            : $"the root window of '{DisplayName}' has no AT_SPI_BUS property, so Qt programs that do not share vibe's session bus find no accessibility bus and show no elements; "
                + $"start /usr/libexec/at-spi-bus-launcher with DISPLAY={DisplayName} in the session (it sets the property; Xvfb keeps it only with -noreset), then restart the program";

    private bool HasProperty(nuint window, nuint property)
    {
        if (Xlib.XGetWindowProperty(_display, window, property, 0, 0, 0, Xlib.AnyPropertyType, out var type, out _, out _, out _, out var data) != 0)
        {
            return false;
        }

        if (data != 0)
        {
            Xlib.XFree(data);
        }

        return type != 0;
    }

    private string ReadText(nuint window, nuint property)
    {
        if (Xlib.XGetWindowProperty(_display, window, property, 0, 4096, 0, Xlib.AnyPropertyType, out var type, out var format, out var count, out _, out var data) != 0
            || data == 0)
        {
            return "";
        }

        try
        {
            if (format != 8 || count == 0)
            {
                return "";
            }

            var bytes = new ReadOnlySpan<byte>((void*)data, (int)count);

            // STRING is Latin-1 by the ICCCM; UTF8_STRING and (in practice) COMPOUND_TEXT of ASCII titles read as UTF-8.
            return (type == _atoms.Utf8String ? Encoding.UTF8.GetString(bytes) : ReadLegacy(bytes)).TrimEnd('\0');
        }
        finally
        {
            Xlib.XFree(data);
        }
    }

    private static string ReadLegacy(ReadOnlySpan<byte> bytes)
    {
        var utf8 = Encoding.UTF8.GetString(bytes);
        return utf8.Contains('\uFFFD', StringComparison.Ordinal) ? Encoding.Latin1.GetString(bytes) : utf8;
    }

    private nuint ReadCardinal(nuint window, nuint property)
    {
        var values = ReadLongs(window, property);
        return values.Length > 0 ? values[0] : 0;
    }

    private nuint ReadWindowProperty(nuint window, nuint property) => ReadCardinal(window, property);

    private nuint[] ReadAtoms(nuint window, nuint property) => ReadLongs(window, property);

    private nuint[] ReadLongs(nuint window, nuint property)
    {
        if (Xlib.XGetWindowProperty(_display, window, property, 0, 64, 0, Xlib.AnyPropertyType, out _, out var format, out var count, out _, out var data) != 0
            || data == 0)
        {
            return [];
        }

        try
        {
            // Format-32 properties arrive as C longs, whatever their width.
            if (format != 32)
            {
                return [];
            }

            var result = new nuint[count];
            for (var i = 0; i < (int)count; i++)
            {
                result[i] = ((nuint*)data)[i];
            }

            return result;
        }
        finally
        {
            Xlib.XFree(data);
        }
    }

    /// <summary>
    /// The program's full name: /proc/pid/comm is cut to 15 characters ("gnome-calculato"), so a name that long is
    /// completed from the command line's first word or the executable it started from.
    /// </summary>
    private static string ProcessName(int pid)
    {
        if (pid <= 0)
        {
            return "";
        }

        try
        {
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            if (comm.Length < 15)
            {
                return comm;
            }

            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            var first = Path.GetFileName(commandLine.Split('\0', 2)[0]);
            if (first.StartsWith(comm, StringComparison.Ordinal))
            {
                return first;
            }

            var executable = Path.GetFileName(new FileInfo($"/proc/{pid}/exe").LinkTarget ?? "");
            return executable.StartsWith(comm, StringComparison.Ordinal) ? executable : comm;
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
