using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;
using Vibe.Executors.Desktop.Windows.Processes;

namespace Vibe.Executors.Desktop.Windows.Win32;

/// <summary>
/// The Win32 element framework (<c>win32:</c> selectors): a window's controls are its child windows
/// (EnumChildWindows), read and driven with the messages every classic control answers: WM_GETTEXT and
/// WM_SETTEXT, BM_CLICK, CB_/LB_ selection. Windows marshals these messages between processes, so they work on
/// another program's controls without UI Automation. Every message is sent with a timeout, so a hung program
/// fails the step instead of hanging the run.
/// </summary>
[SupportedOSPlatform("windows")]
internal static unsafe class Win32Controls
{
    private const uint MessageTimeoutMs = 5000;

    public static IReadOnlyList<DesktopElement> Find(DesktopWindow window, Win32Element? scope, ElementSelector selector, int limit)
    {
        var root = scope?.Handle ?? (nint)window.Handle;
        if (!User32.IsWindow(root))
        {
            throw new DesktopDriverException($"the window {window} is gone (it was closed)");
        }

        var matches = new List<DesktopElement>();
        foreach (var handle in Children(root))
        {
            var info = Read(handle);
            if (selector.Matches(info))
            {
                matches.Add(new Win32Element(window, info, handle));
                if (matches.Count >= limit)
                {
                    break;
                }
            }
        }

        return matches;
    }

    public static ElementInfo Describe(Win32Element element) =>
        User32.IsWindow(element.Handle)
            ? Read(element.Handle)
            : throw new DesktopDriverException($"{element.Info.Label} is gone (its window closed)");

    /// <summary>The window's controls as a tree (child windows under their parents), for evidence and inspect.</summary>
    public static ElementNode Tree(DesktopWindow window, int maxDepth)
    {
        var root = (nint)window.Handle;
        var byParent = Children(root).GroupBy(User32.GetParent).ToDictionary(group => group.Key, group => group.ToList());
        return Node(root, maxDepth, byParent);
    }

    /// <summary>Buttons, check boxes and radio buttons get BM_CLICK (posted, so a dialog it opens does not block the run); others have no action.</summary>
    public static bool TryInvoke(Win32Element element)
    {
        var info = Describe(element);
        if (info.Type is not (ControlType.Button or ControlType.SplitButton or ControlType.CheckBox or ControlType.RadioButton))
        {
            return false;
        }

        Post(element, User32.BM_CLICK);
        return true;
    }

    public static void Toggle(Win32Element element)
    {
        if (Describe(element).Type is not (ControlType.CheckBox or ControlType.RadioButton))
        {
            throw new DesktopDriverException($"{element.Info.Label} cannot be toggled (it is not a check box or radio button)");
        }

        Post(element, User32.BM_CLICK);
    }

    public static void Focus(Win32Element element)
    {
        WindowsWindows.Focus(User32.GetAncestor(element.Handle, User32.GA_ROOT));

        // SetFocus only works for windows of the calling thread's input queue: join the control's for the call.
        var target = User32.GetWindowThreadProcessId(element.Handle, out _);
        var self = Kernel32.GetCurrentThreadId();
        var attached = target != self && User32.AttachThreadInput(self, target, true);
        try
        {
            User32.SetFocus(element.Handle);
        }
        finally
        {
            if (attached)
            {
                User32.AttachThreadInput(self, target, false);
            }
        }
    }

    public static void SetText(Win32Element element, string text)
    {
        fixed (char* value = text)
        {
            if (Send(element, User32.WM_SETTEXT, 0, (nint)value, "setting the text of") == 0)
            {
                throw new DesktopDriverException($"setting the text of {element.Info.Label}: the control refused WM_SETTEXT");
            }
        }
    }

    /// <summary>A list's selected item, otherwise the window text (an edit's content, a combo box's shown text, a label).</summary>
    public static string ReadText(Win32Element element)
    {
        var info = Describe(element);
        if (info.Type == ControlType.List && info.ClassName.Equals("ListBox", StringComparison.OrdinalIgnoreCase))
        {
            var selected = (int)Send(element, User32.LB_GETCURSEL, 0, 0, "reading the selection of");
            return selected < 0 ? "" : Item(element, User32.LB_GETTEXTLEN, User32.LB_GETTEXT, selected);
        }

        return Text(element.Handle, MessageTimeoutMs) ?? throw NoAnswer(element, "reading the text of");
    }

    /// <summary>Selects a combo box's or list box's item by its text, and tells the owner as a user's choice would (CBN_SELCHANGE, LBN_SELCHANGE).</summary>
    public static void Select(Win32Element element, TextMatch item)
    {
        var info = Describe(element);
        var (count, length, text, select, notification) = info.ClassName.ToUpperInvariant() switch
        {
            "COMBOBOX" => (User32.CB_GETCOUNT, User32.CB_GETLBTEXTLEN, User32.CB_GETLBTEXT, User32.CB_SETCURSEL, User32.CBN_SELCHANGE),
            "LISTBOX" => (User32.LB_GETCOUNT, User32.LB_GETTEXTLEN, User32.LB_GETTEXT, User32.LB_SETCURSEL, User32.LBN_SELCHANGE),
            _ => throw new DesktopDriverException($"{info.Label} (class {info.ClassName}) is not a combo box or list box; win32 select works on those"),
        };

        var names = new List<string>();
        var items = (int)Send(element, count, 0, 0, "counting the items of");
        for (var i = 0; i < items; i++)
        {
            var name = Item(element, length, text, i);
            if (item.IsMatch(name))
            {
                Send(element, select, i, 0, "selecting an item of");
                var id = User32.GetDlgCtrlID(element.Handle);
                var parent = User32.GetParent(element.Handle);
                User32.SendMessageTimeoutW(
                    parent, User32.WM_COMMAND, (nint)((id & 0xFFFF) | (notification << 16)), element.Handle, User32.SMTO_ABORTIFHUNG, MessageTimeoutMs, out _);
                return;
            }

            names.Add(name);
        }

        throw new DesktopDriverException(
            $"no item {item} in {info.Label}; its items are: "
            + (names.Count == 0 ? "(none)" : string.Join(", ", names.Take(30).Select(name => $"\"{name}\""))));
    }

    private static ElementInfo Read(nint handle)
    {
        var className = WindowClass(handle);
        var style = User32.GetWindowLongW(handle, User32.GWL_STYLE);
        var type = Win32ControlTypes.Of(className, style);
        var text = Win32ControlTypes.TextIsValue(type) ? "" : Win32ControlTypes.WithoutMnemonics(Text(handle, 1000) ?? "");
        var states = ElementStates.None;
        if (User32.IsWindowEnabled(handle))
        {
            states |= ElementStates.Enabled | ElementStates.Focusable;
        }

        if (User32.IsWindowVisible(handle))
        {
            states |= ElementStates.Visible;
        }

        if (type is ControlType.CheckBox or ControlType.RadioButton
            && User32.SendMessageTimeoutW(handle, User32.BM_GETCHECK, 0, 0, User32.SMTO_ABORTIFHUNG, 1000, out var check) != 0 && check == 1)
        {
            states |= ElementStates.Checked;
        }

        if (type == ControlType.Edit)
        {
            const int EsReadOnly = 0x0800;
            states |= (style & EsReadOnly) != 0 ? ElementStates.ReadOnly : ElementStates.Editable;
        }

        User32.GetWindowRect(handle, out var rect);
        // A top-level window's "control id" is its menu handle: only child windows have ids worth a selector.
        const int WsChild = 0x40000000;
        var id = (style & WsChild) != 0 ? User32.GetDlgCtrlID(handle) : 0;
        return new ElementInfo(
            text,
            type,
            className,
            id == 0 ? "" : id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            className,
            new ScreenRect(rect.Left, rect.Top, rect.Width, rect.Height),
            states);
    }

    private static ElementNode Node(nint handle, int depth, Dictionary<nint, List<nint>> byParent)
    {
        var children = depth > 0 && byParent.TryGetValue(handle, out var list)
            ? list.Select(child => Node(child, depth - 1, byParent)).ToList()
            : [];
        return new ElementNode(Read(handle), children) { Framework = ElementFramework.Win32 };
    }

    private static List<nint> Children(nint root)
    {
        var handles = new List<nint>();
        var state = GCHandle.Alloc(handles);
        try
        {
            User32.EnumChildWindows(root, &Collect, GCHandle.ToIntPtr(state));
        }
        finally
        {
            state.Free();
        }

        return handles;
    }

    private static string? Text(nint handle, uint timeout)
    {
        if (User32.SendMessageTimeoutW(handle, User32.WM_GETTEXTLENGTH, 0, 0, User32.SMTO_ABORTIFHUNG, timeout, out var length) == 0)
        {
            return null;
        }

        var buffer = new char[(int)length + 1];
        fixed (char* text = buffer)
        {
            return User32.SendMessageTimeoutW(handle, User32.WM_GETTEXT, buffer.Length, (nint)text, User32.SMTO_ABORTIFHUNG, timeout, out var copied) == 0
                ? null
                : new string(text, 0, (int)Math.Clamp(copied, 0, buffer.Length - 1));
        }
    }

    private static string Item(Win32Element element, uint lengthMessage, uint textMessage, int index)
    {
        var length = (int)Send(element, lengthMessage, index, 0, "reading an item of");
        if (length < 0)
        {
            return "";
        }

        var buffer = new char[length + 1];
        fixed (char* text = buffer)
        {
            var copied = (int)Send(element, textMessage, index, (nint)text, "reading an item of");
            return new string(text, 0, Math.Clamp(copied, 0, length));
        }
    }

    private static string WindowClass(nint handle)
    {
        var buffer = stackalloc char[257];
        var length = User32.GetClassNameW(handle, buffer, 257);
        return length > 0 ? new string(buffer, 0, length) : "";
    }

    private static nint Send(Win32Element element, uint message, nint wParam, nint lParam, string doing) =>
        User32.SendMessageTimeoutW(element.Handle, message, wParam, lParam, User32.SMTO_ABORTIFHUNG, MessageTimeoutMs, out var result) == 0
            ? throw NoAnswer(element, doing)
            : result;

    private static void Post(Win32Element element, uint message)
    {
        if (!User32.PostMessageW(element.Handle, message, 0, 0))
        {
            throw new DesktopDriverException($"clicking {element.Info.Label}: the control is gone (Win32 error {Marshal.GetLastPInvokeError()})");
        }
    }

    private static DesktopDriverException NoAnswer(Win32Element element, string doing) =>
        User32.IsWindow(element.Handle)
            ? new($"{doing} {element.Info.Label}: the program did not answer within {MessageTimeoutMs / 1000} s (it may be busy or hung)")
            : new($"{doing} {element.Info.Label}: the control is gone (its window closed)");

    [UnmanagedCallersOnly]
    private static int Collect(nint handle, nint state)
    {
        ((List<nint>)GCHandle.FromIntPtr(state).Target!).Add(handle);
        return 1;
    }
}
