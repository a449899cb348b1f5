namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// One connection to an interactive desktop: windows, elements (UI Automation / AT-SPI), synthetic input and
/// screen capture. Implemented once per operating system (X11 in Linux/, UI Automation in Windows/); everything
/// above it (selectors, waiting, retries, images, evidence, keep-alive timing) is shared and lives outside.
/// <para>
/// Rules for implementers: coordinates are screen pixels of the virtual screen; methods may be called from
/// any thread but never concurrently on one driver (the executor serialises), so a backend that needs thread
/// affinity (an Xlib connection, a COM apartment) marshals to its own thread; a failure the operator can fix
/// throws <see cref="DesktopDriverException"/>; cancellation throws <see cref="OperationCanceledException"/>.
/// Methods never wait for things to appear: the shared code polls.
/// </para>
/// </summary>
public interface IDesktopDriver : IAsyncDisposable
{
    /// <summary>"x11" or "windows".</summary>
    string Backend { get; }

    /// <summary>The pre-run session check: is there a usable desktop, at what resolution, and backend facts.</summary>
    ValueTask<DesktopSessionInfo> CheckSessionAsync(CancellationToken cancellationToken);

    // ---- processes and windows -------------------------------------------------------------------------

    /// <summary>Starts a program in the desktop session (with the environment it needs to show and be automated).</summary>
    /// <returns>The process id.</returns>
    ValueTask<int> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken);

    /// <summary>Top-level windows, topmost first where the backend knows the stacking order.</summary>
    ValueTask<IReadOnlyList<DesktopWindow>> ListWindowsAsync(CancellationToken cancellationToken);

    /// <summary>Brings the window to the front and gives it keyboard focus (restoring it if minimized).</summary>
    ValueTask FocusWindowAsync(DesktopWindow window, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the window to close the polite way (WM_DELETE_WINDOW, WM_CLOSE). Does not wait and does not kill:
    /// the shared code waits and then ends the process.
    /// </summary>
    ValueTask RequestCloseAsync(DesktopWindow window, CancellationToken cancellationToken);

    // ---- elements --------------------------------------------------------------------------------------

    /// <summary>
    /// Elements under <paramref name="scope"/> (or the whole <paramref name="window"/> when null, the window's
    /// own element excluded) that match <paramref name="selector"/>'s conditions, in depth-first document order,
    /// at most <paramref name="limit"/> of them. The selector's Index is applied by the caller.
    /// Returns an empty list when accessibility is not available for the window's toolkit.
    /// </summary>
    ValueTask<IReadOnlyList<DesktopElement>> FindElementsAsync(
        DesktopWindow window, DesktopElement? scope, ElementSelector selector, int limit, CancellationToken cancellationToken);

    /// <summary>Fresh properties and states of an element; throws <see cref="DesktopDriverException"/> when it is gone.</summary>
    ValueTask<ElementInfo> DescribeAsync(DesktopElement element, CancellationToken cancellationToken);

    /// <summary>The window's element tree down to <paramref name="maxDepth"/> levels, for evidence and `vibe inspect`.</summary>
    ValueTask<ElementNode> GetElementTreeAsync(DesktopWindow window, int maxDepth, CancellationToken cancellationToken);

    /// <summary>
    /// Performs the element's default action without the mouse (UIA Invoke / Toggle / SelectionItem.Select /
    /// ExpandCollapse; AT-SPI action "click", "press", "activate"). Returns false when it has none, so the
    /// caller clicks its centre with the mouse instead.
    /// </summary>
    ValueTask<bool> TryInvokeAsync(DesktopElement element, CancellationToken cancellationToken);

    /// <summary>Gives the element keyboard focus.</summary>
    ValueTask FocusElementAsync(DesktopElement element, CancellationToken cancellationToken);

    /// <summary>Replaces the element's text value (UIA ValuePattern.SetValue, AT-SPI EditableText).</summary>
    ValueTask SetTextAsync(DesktopElement element, string text, CancellationToken cancellationToken);

    /// <summary>The element's text: its value or text content when it has one, otherwise its name.</summary>
    ValueTask<string> ReadTextAsync(DesktopElement element, CancellationToken cancellationToken);

    /// <summary>
    /// Selects the item named <paramref name="item"/> of a list, combo box or tab list (expanding a combo box
    /// first when needed). Throws <see cref="DesktopDriverException"/> listing the items when none matches.
    /// </summary>
    ValueTask SelectAsync(DesktopElement element, TextMatch item, CancellationToken cancellationToken);

    /// <summary>Flips a check box, toggle button or check menu item once (UIA TogglePattern, AT-SPI action).</summary>
    ValueTask ToggleAsync(DesktopElement element, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a click at <paramref name="point"/> would reach <paramref name="element"/> (or one of its children)
    /// as its window's accessibility tree sees it: the element asked for, or the name of what is there instead;
    /// null when the backend cannot tell.
    /// </summary>
    ValueTask<HitTest?> HitTestAsync(DesktopElement element, ScreenPoint point, CancellationToken cancellationToken) =>
        ValueTask.FromResult<HitTest?>(null);

    // ---- input -----------------------------------------------------------------------------------------

    ValueTask<ScreenPoint> GetMousePositionAsync(CancellationToken cancellationToken);

    ValueTask MoveMouseAsync(ScreenPoint point, CancellationToken cancellationToken);

    /// <summary>Moves to <paramref name="point"/> and clicks <paramref name="count"/> times (2 = double click).</summary>
    ValueTask ClickAsync(ScreenPoint point, MouseButton button, int count, CancellationToken cancellationToken);

    /// <summary>Presses <paramref name="button"/> at the current position, or releases it, for drags.</summary>
    ValueTask MouseButtonAsync(MouseButton button, bool down, CancellationToken cancellationToken);

    /// <summary>Wheel notches at the current mouse position: positive <paramref name="down"/> scrolls down, positive <paramref name="right"/> right.</summary>
    ValueTask ScrollAsync(int down, int right, CancellationToken cancellationToken);

    /// <summary>
    /// Types text into whatever has focus, character by character, including characters the keyboard layout
    /// lacks (X11: a spare keycode is rebound for the moment; Windows: KEYEVENTF_UNICODE). "\n" presses Enter,
    /// "\t" Tab. <paramref name="delayBetweenKeys"/> paces slow applications.
    /// </summary>
    ValueTask TypeTextAsync(string text, TimeSpan delayBetweenKeys, CancellationToken cancellationToken);

    /// <summary>Presses and releases a chord: modifiers down, key down and up, modifiers up in reverse order.</summary>
    ValueTask PressChordAsync(KeyChord chord, CancellationToken cancellationToken);

    // ---- capture ---------------------------------------------------------------------------------------

    /// <summary>Captures <paramref name="region"/> of the screen (clipped to it), or the whole virtual screen when null.</summary>
    ValueTask<PixelImage> CaptureAsync(ScreenRect? region, CancellationToken cancellationToken);

    // ---- keep-alive ------------------------------------------------------------------------------------

    /// <summary>
    /// Resets the idle timers once (X11: XResetScreenSaver; Windows: SetThreadExecutionState with
    /// ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED). The shared keep-alive calls it every few minutes and nudges
    /// the mouse by one pixel and back through <see cref="MoveMouseAsync"/>.
    /// </summary>
    ValueTask ResetIdleTimerAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the display and system awake until the returned handle is disposed (Windows: ES_CONTINUOUS on a
    /// thread that lives as long as the handle; X11: nothing more than the periodic reset, so a no-op).
    /// </summary>
    ValueTask<IAsyncDisposable> InhibitIdleAsync(CancellationToken cancellationToken);
}
