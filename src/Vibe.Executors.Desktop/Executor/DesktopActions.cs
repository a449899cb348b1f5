using Vibe.Application.Executors;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>Every action of the "desktop" executor and the parameters it cannot do without (docs/desktop.md has the rest).</summary>
internal static class DesktopActions
{
    public static IReadOnlyList<ActionDescriptor> All { get; } =
    [
        new("launch", "Start a program (program, args, workingDirectory); its process id into variable; its first window becomes the current one", "program"),
        new("attach", "Wait for a window (title, process, class) and make it the current window", "window"),
        new("waitWindow", "Wait until a window is open (state: open) or gone (state: closed); an open one becomes current", "window"),
        new("focus", "Bring a window (default: the current one) to the front with keyboard focus"),
        new("close", "Close a window politely, then end its process after timeout"),
        new("click", "Click an element: its default action when it has one (mode: auto), or the mouse (mode: mouse)", "selector"),
        new("doubleClick", "Double-click the centre of an element with the mouse", "selector"),
        new("rightClick", "Right-click the centre of an element with the mouse", "selector"),
        new("setText", "Replace the text of an edit field", "selector", "text"),
        new("type", "Focus an element and type text key by key", "selector", "text"),
        new("readText", "Read an element's text into a variable", "selector", "variable"),
        new("select", "Select an item of a list, combo box or tab list by its name", "selector", "item"),
        new("toggle", "Flip a check box or toggle button, or set it (state: true/false)", "selector"),
        new("waitElement", "Wait until an element is visible, hidden, enabled or disabled (state)", "selector"),
        new("assertText", "Fail unless an element's text equals (or contains, or matches) the given text", "selector", "text"),
        new("moveMouse", "Move the mouse to x, y (of the screen, or of a window)", "x", "y"),
        new("clickAt", "Click at x, y (of the screen, or of a window)", "x", "y"),
        new("typeKeys", "Type text into whatever has the keyboard focus", "text"),
        new("hotkey", "Press key chords such as ctrl+s, alt+f4 or \"ctrl+a delete\"", "keys"),
        new("scroll", "Turn the mouse wheel (amount: notches, positive scrolls down or right)", "amount"),
        new("findImage", "Find a template PNG on the screen; its centre as x,y into variable (and variable.x, variable.y)", "image"),
        new("clickImage", "Wait for a template PNG on the screen and click its centre", "image"),
        new("waitImage", "Wait until a template PNG is on the screen (or gone: state hidden)", "image"),
        new("screenshot", "Save the screen or a window as PNG in the run folder"),
    ];
}
