using System.Runtime.InteropServices;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// The process's one AT-SPI client. libatspi keeps global state (one bus connection, one object cache) and is
/// not thread-safe, so every call runs on one thread for the whole process, whichever driver asks.
/// It finds a window's accessible by the window's process id and title, and walks the tree below it.
/// </summary>
internal sealed unsafe partial class AtspiClient
{
    private const int MaxNodes = 5000;
    private const int MaxChildren = 1000;

    private static readonly string[] InvokeActions = ["click", "press", "activate", "toggle", "jump", "open", "select"];
    private static readonly string[] ToggleActions = ["toggle", "click", "press", "activate"];

    private readonly Lazy<DriverThread> _thread = new(() => new DriverThread("vibe-atspi"));
    private string? _unavailable;
    private bool _initialized;

    public static AtspiClient Shared { get; } = new();

    /// <summary>"available", or why element automation cannot work (for the session line in the run log).</summary>
    public ValueTask<string> StatusAsync(CancellationToken cancellationToken) =>
        Run(() => EnsureStarted() is { } problem ? "unavailable: " + problem : "available", cancellationToken);

    public ValueTask<IReadOnlyList<DesktopElement>> FindAsync(
        DesktopWindow window, DesktopElement? scope, ElementSelector selector, int limit, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<DesktopElement>>(
            () =>
            {
                RequireStarted();
                var root = scope is null ? FindWindowRoot(window) : Ref(((AtspiElement)scope).Accessible);
                if (root == 0)
                {
                    return [];
                }

                try
                {
                    var found = new List<DesktopElement>();
                    var visited = 0;
                    Search(root, window, selector, limit, found, ref visited, depth: 0, cancellationToken);
                    if (found.Count == 0)
                    {
                        // libatspi keeps children it has read and learns of changes only from events, which a
                        // process without a GLib main loop never receives: a miss reads the tree afresh next time.
                        Atspi.atspi_accessible_clear_cache(root);
                    }

                    return found;
                }
                finally
                {
                    Atspi.g_object_unref(root);
                }
            },
            cancellationToken);

    public ValueTask<ElementInfo> DescribeAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Run(() => Info(((AtspiElement)element).Accessible) ?? throw Gone(element), cancellationToken);

    public ValueTask<ElementNode> TreeAsync(DesktopWindow window, int maxDepth, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                RequireStarted();
                var root = FindWindowRoot(window);
                if (root == 0)
                {
                    throw new NoElementTreeException(
                        $"window {window} has no AT-SPI tree: its toolkit does not speak AT-SPI (Tk, plain Xlib), or it was started with NO_AT_BRIDGE=1 or before the accessibility bus ran");
                }

                try
                {
                    var budget = MaxNodes;
                    return Tree(root, maxDepth, ref budget, cancellationToken)
                        ?? throw new DesktopDriverException($"window {window} disappeared while its elements were read");
                }
                finally
                {
                    Atspi.g_object_unref(root);
                }
            },
            cancellationToken);

    public ValueTask<bool> TryInvokeAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Run(() => DoFirstAction(((AtspiElement)element).Accessible, InvokeActions), cancellationToken);

    public ValueTask FocusAsync(DesktopElement element, CancellationToken cancellationToken) =>
        RunVoid(
            () =>
            {
                var ok = Atspi.atspi_component_grab_focus(((AtspiElement)element).Accessible, out var error);
                var message = TakeError(error);
                if (ok == 0 || message is not null)
                {
                    throw new DesktopDriverException($"could not give {element} the keyboard focus{(message is null ? "" : ": " + message)}");
                }
            },
            cancellationToken);

    public ValueTask SetTextAsync(DesktopElement element, string text, CancellationToken cancellationToken) =>
        RunVoid(
            () =>
            {
                var accessible = ((AtspiElement)element).Accessible;
                if (!Interfaces(accessible).Contains("EditableText"))
                {
                    throw new DesktopDriverException($"{element} is not an editable text field (no AT-SPI EditableText); use 'type' to send keys to it");
                }

                var ok = Atspi.atspi_editable_text_set_text_contents(accessible, text, out var error);
                var message = TakeError(error);
                if (ok == 0 || message is not null)
                {
                    throw new DesktopDriverException($"{element} refused the new text{(message is null ? " (is it read-only?)" : ": " + message)}");
                }
            },
            cancellationToken);

    public ValueTask<string> ReadTextAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                var accessible = ((AtspiElement)element).Accessible;
                if (Interfaces(accessible).Contains("Text"))
                {
                    var count = Atspi.atspi_text_get_character_count(accessible, out var error);
                    if (TakeError(error) is null && count >= 0)
                    {
                        var text = TakeString(Atspi.atspi_text_get_text(accessible, 0, count, out error));
                        if (TakeError(error) is null)
                        {
                            return text;
                        }
                    }
                }

                return TakeString(Atspi.atspi_accessible_get_name(accessible, out var nameError)) is var name && TakeError(nameError) is null
                    ? name
                    : throw Gone(element);
            },
            cancellationToken);

    public ValueTask SelectAsync(DesktopElement element, TextMatch item, CancellationToken cancellationToken) =>
        RunVoid(() => Select((AtspiElement)element, item, cancellationToken), cancellationToken);

    public ValueTask ToggleAsync(DesktopElement element, CancellationToken cancellationToken) =>
        RunVoid(
            () =>
            {
                if (!DoFirstAction(((AtspiElement)element).Accessible, ToggleActions))
                {
                    throw new DesktopDriverException($"{element} cannot be toggled (it offers no toggle, click or press action)");
                }
            },
            cancellationToken);

    /// <summary>The deepest element of the element's window at the point, compared with the element and its children.</summary>
    public ValueTask<HitTest?> HitTestAsync(DesktopElement element, ScreenPoint point, CancellationToken cancellationToken) =>
        Run<HitTest?>(
            () =>
            {
                var target = ((AtspiElement)element).Accessible;
                var root = FindWindowRoot(element.Window);
                if (root == 0)
                {
                    return null;
                }

                var deepest = root;
                for (var depth = 0; depth < 64; depth++)
                {
                    var next = Atspi.atspi_component_get_accessible_at_point(deepest, point.X, point.Y, Atspi.CoordTypeScreen, out var error);
                    if (TakeError(error) is not null || next == 0 || next == deepest)
                    {
                        if (next != 0)
                        {
                            Atspi.g_object_unref(next);
                        }

                        break;
                    }

                    Atspi.g_object_unref(deepest);
                    deepest = next;
                }

                try
                {
                    // Nothing deeper than the window itself: the toolkit does not answer hit tests, so no verdict.
                    if (deepest == root && target != root)
                    {
                        return null;
                    }

                    if (Inside(deepest, target))
                    {
                        return new HitTest(true, "");
                    }

                    // An ancestor of the target that answers no deeper: its toolkit cannot tell, which is no verdict.
                    return Inside(target, deepest) ? null : new HitTest(false, Describe(deepest));
                }
                finally
                {
                    Atspi.g_object_unref(deepest);
                }
            },
            cancellationToken);

    /// <summary>True when <paramref name="node"/> is <paramref name="target"/> or lies below it.</summary>
    private static bool Inside(nint node, nint target)
    {
        if (Same(node, target))
        {
            return true;
        }

        var current = Ref(node);
        for (var depth = 0; depth < 64 && current != 0; depth++)
        {
            var parent = Atspi.atspi_accessible_get_parent(current, out var error);
            Atspi.g_object_unref(current);
            if (TakeError(error) is not null || parent == 0)
            {
                return false;
            }

            if (Same(parent, target))
            {
                Atspi.g_object_unref(parent);
                return true;
            }

            current = parent;
        }

        if (current != 0)
        {
            Atspi.g_object_unref(current);
        }

        return false;
    }

    /// <summary>
    /// The same element. A container that manages its descendants (Calc's sheet) hands out a new object for a cell
    /// each time it is asked, so two objects with the same role, name and place on the screen are the same cell.
    /// </summary>
    private static bool Same(nint a, nint b)
    {
        if (a == b)
        {
            return true;
        }

        var first = Extents(a);
        if (first.IsEmpty || first != Extents(b))
        {
            return false;
        }

        var nameA = TakeString(Atspi.atspi_accessible_get_name(a, out var error));
        if (TakeError(error) is not null)
        {
            return false;
        }

        var nameB = TakeString(Atspi.atspi_accessible_get_name(b, out error));
        if (TakeError(error) is not null || nameA != nameB)
        {
            return false;
        }

        var roleA = TakeString(Atspi.atspi_accessible_get_role_name(a, out error));
        _ = TakeError(error);
        var roleB = TakeString(Atspi.atspi_accessible_get_role_name(b, out error));
        _ = TakeError(error);
        return roleA == roleB;
    }

    private string Describe(nint accessible) =>
        Info(accessible) is { } info ? $"{ControlTypes.ToSelectorWord(info.Type)}[name=\"{info.Name}\"] ({info.Role})" : "an element that is gone";

    /// <summary>Drops a reference on the AT-SPI thread; never blocks the caller.</summary>
    public void Release(nint accessible)
    {
        if (_thread.IsValueCreated)
        {
            _ = _thread.Value.RunAsync(() => Atspi.g_object_unref(accessible), CancellationToken.None);
        }
    }

    private ValueTask<T> Run<T>(Func<T> work, CancellationToken cancellationToken) => new(_thread.Value.RunAsync(work, cancellationToken));

    private ValueTask RunVoid(Action work, CancellationToken cancellationToken) => new(_thread.Value.RunAsync(work, cancellationToken));

    /// <summary>The last warning libatspi logged, for the reason vibe gives; null when it said nothing.</summary>
    internal static string? LastNativeWarning { get; private set; }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void KeepNativeWarning(nint domain, int level, nint message, nint userData) =>
        LastNativeWarning = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(message);

    /// <summary>Connects once; returns why AT-SPI cannot be used, or null.</summary>
    private string? EnsureStarted()
    {
        if (_initialized)
        {
            return _unavailable ?? RegistryProblem();
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AT_SPI_BUS_ADDRESS"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")))
        {
            // libatspi would try to autolaunch a bus or give up for good; say what is missing and ask again next
            // time instead (atspi_init can run only once per process, so it is not called until it can work).
            return "no session bus: neither DBUS_SESSION_BUS_ADDRESS nor AT_SPI_BUS_ADDRESS nor DISPLAY is set for the vibe process";
        }

        _initialized = true;
        try
        {
            // libatspi's D-Bus layer ("dbind") and libatspi itself print GLib warnings straight to the console
            // ("dbind-WARNING **: Couldn't connect to accessibility bus"); vibe says what is wrong in its own words,
            // so they are kept for that and off the console.
            Atspi.g_log_set_handler("dbind", Atspi.GLogLevelAll, &KeepNativeWarning, 0);
            Atspi.g_log_set_handler("atspi", Atspi.GLogLevelAll, &KeepNativeWarning, 0);
            Atspi.atspi_set_timeout(5000, 15000);
            if (AutolaunchedBus.BeforeConnecting() is { } bus)
            {
                // libdbus is about to start a session bus for this process, and libatspi the accessibility bus
                // on it: they would outlive vibe, so they end with it.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => bus.Stop();
            }

            if (Atspi.atspi_init() > 1)
            {
                return _unavailable = "libatspi could not reach the accessibility bus (is at-spi2-core installed and the session bus running?); restart vibe once it is"
                    + (LastNativeWarning is { } warning ? $" (libatspi said: {warning})" : "");
            }
        }
        catch (DllNotFoundException ex)
        {
            return _unavailable = $"libatspi is not installed ({ex.Message}); install at-spi2-core / libatspi2.0-0";
        }

        return RegistryProblem();
    }

    /// <summary>Why the registry does not answer right now, or null; not remembered, as it may start later.</summary>
    private static string? RegistryProblem()
    {
        var desktop = Atspi.atspi_get_desktop(0);
        if (desktop == 0)
        {
            return "the accessibility registry has no desktop";
        }

        Atspi.atspi_accessible_get_child_count(desktop, out var error);
        Atspi.g_object_unref(desktop);
        return TakeError(error) is { } message
            ? $"the accessibility registry does not answer ({message}); start at-spi-bus-launcher in the session"
            : null;
    }

    private void RequireStarted()
    {
        if (EnsureStarted() is { } problem)
        {
            throw new DesktopDriverException("element automation needs AT-SPI, which is unavailable: " + problem);
        }
    }

    /// <summary>
    /// The accessible of an X window. A window that opened after libatspi last read the application list (a dialog
    /// shown during the run) is missing from its cache, so a miss clears the cache and looks once more.
    /// </summary>
    private nint FindWindowRoot(DesktopWindow window)
    {
        var root = FindWindowRootOnce(window);
        if (root != 0)
        {
            return root;
        }

        var desktop = Atspi.atspi_get_desktop(0);
        if (desktop == 0)
        {
            return 0;
        }

        Atspi.atspi_accessible_clear_cache(desktop);
        Atspi.g_object_unref(desktop);
        return FindWindowRootOnce(window);
    }

    /// <summary>An application with the window's process id, then its frame with the window's title (or bounds).</summary>
    private nint FindWindowRootOnce(DesktopWindow window)
    {
        var desktop = Atspi.atspi_get_desktop(0);
        if (desktop == 0)
        {
            return 0;
        }

        var candidates = new List<(nint Frame, string Name, ScreenRect Bounds)>();
        try
        {
            foreach (var application in Children(desktop))
            {
                var pid = Atspi.atspi_accessible_get_process_id(application, out var error);
                if (TakeError(error) is not null || (window.ProcessId != 0 && pid != window.ProcessId))
                {
                    Atspi.g_object_unref(application);
                    continue;
                }

                foreach (var frame in Children(application))
                {
                    var name = TakeString(Atspi.atspi_accessible_get_name(frame, out error));
                    if (TakeError(error) is not null)
                    {
                        Atspi.g_object_unref(frame);
                        continue;
                    }

                    candidates.Add((frame, name, Extents(frame)));
                }

                Atspi.g_object_unref(application);
            }
        }
        finally
        {
            Atspi.g_object_unref(desktop);
        }

        var chosen = candidates.FindIndex(candidate => candidate.Name == window.Title && window.Title.Length > 0);
        if (chosen < 0)
        {
            chosen = candidates.FindIndex(candidate => candidate.Bounds == window.Bounds && !candidate.Bounds.IsEmpty);
        }

        if (chosen < 0 && window.ProcessId != 0 && candidates.Count == 1)
        {
            chosen = 0;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (i != chosen)
            {
                Atspi.g_object_unref(candidates[i].Frame);
            }
        }

        return chosen < 0 ? 0 : candidates[chosen].Frame;
    }

    /// <summary>The walk: every child, one at a time (toolkits without Collection, and containers that manage their descendants).</summary>
    private void Collect(
        nint node, DesktopWindow window, ElementSelector selector, int limit, List<DesktopElement> found, ref int visited, int depth, CancellationToken cancellationToken)
    {
        foreach (var child in Children(node))
        {
            Visit(child, window, selector, limit, found, ref visited, depth, cancellationToken);
        }
    }

    /// <summary>One child of the walk and what lies below it; takes over the child's reference.</summary>
    private void Visit(
        nint child, DesktopWindow window, ElementSelector selector, int limit, List<DesktopElement> found, ref int visited, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (found.Count >= limit || ++visited > MaxNodes)
        {
            Atspi.g_object_unref(child);
            return;
        }

        var info = Light(child, selector);
        if (info is null)
        {
            Atspi.g_object_unref(child);
            return;
        }

        if (info.Type == ControlType.Table && CellAddress.From(selector) is { } address
            && TableCell(child, address) is { } cell)
        {
            // A sheet has millions of cells, far past the children cap: ask the table for the one cell.
            if (selector.Matches(cell.Info))
            {
                found.Add(new AtspiElement(this, cell.Accessible, window, cell.Info));
            }
            else
            {
                Atspi.g_object_unref(cell.Accessible);
            }

            Atspi.g_object_unref(child);
            return;
        }

        if (selector.Matches(info) && Info(child) is { } full && selector.Matches(full))
        {
            found.Add(new AtspiElement(this, child, window, full));
            if (found.Count < limit)
            {
                Collect(child, window, selector, limit, found, ref visited, depth + 1, cancellationToken);
            }

            return;
        }

        if (depth < 64)
        {
            Collect(child, window, selector, limit, found, ref visited, depth + 1, cancellationToken);
        }

        Atspi.g_object_unref(child);
    }

    /// <summary>The table's cell at the address (AT-SPI Table), or null when it is not a table or has no such cell.</summary>
    private (nint Accessible, ElementInfo Info)? TableCell(nint table, CellAddress address)
    {
        if (!Interfaces(table).Contains("Table"))
        {
            return null;
        }

        var rows = Atspi.atspi_table_get_n_rows(table, out var error);
        if (TakeError(error) is not null || address.Row >= rows)
        {
            return null;
        }

        var columns = Atspi.atspi_table_get_n_columns(table, out error);
        if (TakeError(error) is not null || address.Column >= columns)
        {
            return null;
        }

        var cell = Atspi.atspi_table_get_accessible_at(table, address.Row, address.Column, out error);
        if (TakeError(error) is not null || cell == 0)
        {
            return null;
        }

        if (Info(cell) is { } info)
        {
            return (cell, info);
        }

        Atspi.g_object_unref(cell);
        return null;
    }

    private ElementNode? Tree(nint node, int depthLeft, ref int budget, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = Info(node);
        if (info is null)
        {
            return null;
        }

        var children = new List<ElementNode>();
        var total = 0;
        if (depthLeft > 0)
        {
            foreach (var child in Children(node, out total))
            {
                if (--budget > 0 && Tree(child, depthLeft - 1, ref budget, cancellationToken) is { } branch)
                {
                    children.Add(branch);
                }

                Atspi.g_object_unref(child);
            }
        }

        // Said, not hidden: a sheet's cells beyond the cap, or a tree larger than the budget, are marked as cut.
        return new ElementNode(info, children) { ChildrenLeftOut = Math.Max(0, total - children.Count) };
    }

    private void Select(AtspiElement element, TextMatch item, CancellationToken cancellationToken)
    {
        var accessible = element.Accessible;
        var seen = new List<string>();
        var target = FindItem(accessible, item, seen, depth: 0, cancellationToken);
        if (target == 0)
        {
            var names = seen.Count == 0 ? "it has no items" : "its items are: " + string.Join(", ", seen.Distinct().Take(30).Select(name => $"\"{name}\""));
            throw new DesktopDriverException($"{element} has no item {item}; {names}");
        }

        try
        {
            var index = Atspi.atspi_accessible_get_index_in_parent(target, out var error);
            var indexError = TakeError(error);

            // A combo box selects by the item's position in its popup; a list or tab list by the child's index.
            if (indexError is null && Interfaces(accessible).Contains("Selection"))
            {
                if (Atspi.atspi_selection_select_child(accessible, index, out error) != 0 && TakeError(error) is null)
                {
                    return;
                }
            }

            var parent = Atspi.atspi_accessible_get_parent(target, out error);
            if (TakeError(error) is null && parent != 0)
            {
                try
                {
                    if (indexError is null && Interfaces(parent).Contains("Selection")
                        && Atspi.atspi_selection_select_child(parent, index, out error) != 0 && TakeError(error) is null)
                    {
                        return;
                    }
                }
                finally
                {
                    Atspi.g_object_unref(parent);
                }
            }

            if (!DoFirstAction(target, ["click", "select", "activate", "press"]))
            {
                throw new DesktopDriverException($"{element}: the item {item} was found but could not be selected");
            }
        }
        finally
        {
            Atspi.g_object_unref(target);
        }
    }

    private nint FindItem(nint node, TextMatch item, List<string> seen, int depth, CancellationToken cancellationToken)
    {
        if (depth > 6)
        {
            return 0;
        }

        var result = (nint)0;
        foreach (var child in Children(node))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (result == 0)
            {
                var role = TakeString(Atspi.atspi_accessible_get_role_name(child, out var error));
                _ = TakeError(error);
                var name = TakeString(Atspi.atspi_accessible_get_name(child, out error));
                _ = TakeError(error);
                if (AtspiRoles.IsItem(AtspiRoles.ToControlType(role)))
                {
                    seen.Add(name);
                    if (item.IsMatch(name))
                    {
                        result = child;
                        continue;
                    }
                }

                result = FindItem(child, item, seen, depth + 1, cancellationToken);
            }

            Atspi.g_object_unref(child);
        }

        return result;
    }

    private bool DoFirstAction(nint accessible, string[] preferred)
    {
        var count = Atspi.atspi_action_get_n_actions(accessible, out var error);
        if (TakeError(error) is not null || count <= 0)
        {
            return false;
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = TakeString(Atspi.atspi_action_get_action_name(accessible, i, out error));
            _ = TakeError(error);
        }

        foreach (var wanted in preferred)
        {
            var index = Array.FindIndex(names, name => string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                var ok = Atspi.atspi_action_do_action(accessible, index, out error);
                var message = TakeError(error);
                if (message is not null)
                {
                    throw new DesktopDriverException($"the '{wanted}' action failed: {message}");
                }

                return ok != 0;
            }
        }

        return false;
    }

    private ElementInfo? Info(nint accessible)
    {
        var name = TakeString(Atspi.atspi_accessible_get_name(accessible, out var error));
        if (TakeError(error) is not null)
        {
            return null;
        }

        var role = TakeString(Atspi.atspi_accessible_get_role_name(accessible, out error));
        _ = TakeError(error);
        var id = TakeString(Atspi.atspi_accessible_get_accessible_id(accessible, out error));
        _ = TakeError(error);
        var bounds = Extents(accessible);
        var states = States(accessible, bounds);
        return new ElementInfo(name, AtspiRoles.ToControlType(role), role, id, "", bounds, states);
    }

    /// <summary>
    /// The element's states. Visible means showing on the screen: VISIBLE and SHOWING (GTK 3, Qt), or VISIBLE with
    /// a non-empty size on the screen from a toolkit that never reports SHOWING (GTK 4.8 reports only VISIBLE).
    /// </summary>
    private static ElementStates States(nint accessible, ScreenRect bounds)
    {
        var set = Atspi.atspi_accessible_get_state_set(accessible);
        if (set == 0)
        {
            return ElementStates.None;
        }

        var result = ElementStates.None;
        var array = Atspi.atspi_state_set_get_states(set);
        if (array != 0)
        {
            var head = (GArray*)array;
            var values = new HashSet<AtspiState>();
            for (var i = 0; i < head->Length; i++)
            {
                values.Add((AtspiState)((int*)head->Data)[i]);
            }

            Atspi.g_array_free(array, 1);
            result |= values.Contains(AtspiState.Enabled) || values.Contains(AtspiState.Sensitive) ? ElementStates.Enabled : 0;
            result |= values.Contains(AtspiState.Visible)
                && (values.Contains(AtspiState.Showing) || (!bounds.IsEmpty && NeverReportsShowing(accessible)))
                ? ElementStates.Visible : 0;
            result |= values.Contains(AtspiState.Focused) ? ElementStates.Focused : 0;
            result |= values.Contains(AtspiState.Focusable) ? ElementStates.Focusable : 0;
            result |= values.Contains(AtspiState.Checked) ? ElementStates.Checked : 0;
            result |= values.Contains(AtspiState.Selected) ? ElementStates.Selected : 0;
            result |= values.Contains(AtspiState.Editable) ? ElementStates.Editable : 0;
            result |= values.Contains(AtspiState.Expanded) ? ElementStates.Expanded : 0;
            result |= values.Contains(AtspiState.ReadOnly) ? ElementStates.ReadOnly : 0;
        }

        Atspi.g_object_unref(set);
        return result;
    }

    /// <summary>GTK 4 leaves SHOWING out of every state set; libatspi keeps the toolkit's version per application, so this asks once.</summary>
    private static bool NeverReportsShowing(nint accessible)
    {
        var application = Atspi.atspi_accessible_get_application(accessible, out var error);
        if (TakeError(error) is not null || application == 0)
        {
            return false;
        }

        try
        {
            var toolkit = TakeString(Atspi.atspi_accessible_get_toolkit_name(application, out error));
            if (TakeError(error) is not null)
            {
                return false;
            }

            var version = TakeString(Atspi.atspi_accessible_get_toolkit_version(application, out error));
            return TakeError(error) is null
                && toolkit.Equals("GTK", StringComparison.OrdinalIgnoreCase)
                && version.StartsWith("4.", StringComparison.Ordinal);
        }
        finally
        {
            Atspi.g_object_unref(application);
        }
    }

    private static ScreenRect Extents(nint accessible)
    {
        var rect = Atspi.atspi_component_get_extents(accessible, Atspi.CoordTypeScreen, out var error);
        if (TakeError(error) is not null || rect == null)
        {
            return default;
        }

        var result = new ScreenRect(rect->X, rect->Y, rect->Width, rect->Height);
        Atspi.g_free((nint)rect);
        return result.Width < 0 || result.Height < 0 ? default : result;
    }

    private static HashSet<string> Interfaces(nint accessible)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var array = Atspi.atspi_accessible_get_interfaces(accessible);
        if (array == 0)
        {
            return result;
        }

        var head = (GArray*)array;
        for (var i = 0; i < head->Length; i++)
        {
            var text = ((nint*)head->Data)[i];
            result.Add(Marshal.PtrToStringUTF8(text) ?? "");
            Atspi.g_free(text);
        }

        Atspi.g_array_free(array, 1);
        return result;
    }

    /// <summary>New references to the children; the caller unrefs each.</summary>
    private static List<nint> Children(nint node) => Children(node, out _);

    /// <summary>The first <see cref="MaxChildren"/> children; <paramref name="total"/> says how many there are.</summary>
    private static List<nint> Children(nint node, out int total)
    {
        var count = Atspi.atspi_accessible_get_child_count(node, out var error);
        total = Math.Max(0, count);
        if (TakeError(error) is not null || count <= 0)
        {
            total = 0;
            return [];
        }

        var children = new List<nint>(Math.Min(count, MaxChildren));
        for (var i = 0; i < Math.Min(count, MaxChildren); i++)
        {
            var child = Atspi.atspi_accessible_get_child_at_index(node, i, out error);
            if (TakeError(error) is null && child != 0)
            {
                children.Add(child);
            }
        }

        return children;
    }

    [LibraryImport(Atspi.GObject)]
    private static partial nint g_object_ref(nint instance);

    private static nint Ref(nint accessible) => g_object_ref(accessible);

    private static string TakeString(nint text)
    {
        if (text == 0)
        {
            return "";
        }

        var value = Marshal.PtrToStringUTF8(text) ?? "";
        Atspi.g_free(text);
        return value;
    }

    private static string? TakeError(nint error)
    {
        if (error == 0)
        {
            return null;
        }

        var message = Marshal.PtrToStringUTF8(((GError*)error)->Message) ?? "unknown AT-SPI error";
        Atspi.g_error_free(error);
        return message;
    }

    private static DesktopDriverException Gone(DesktopElement element) =>
        new($"{element} is gone (its window closed or the application rebuilt it)");
}
