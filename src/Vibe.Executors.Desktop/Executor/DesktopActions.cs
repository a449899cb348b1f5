using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// Every action of the "desktop" executor with every parameter it takes, and the robot's "desktop" block:
/// validate, the schema and docs/desktop.md are read from here.
/// </summary>
internal static class DesktopActions
{
    public static readonly ParameterDescriptor ClickMode = Choice("mode", "auto: the element's own action when it has one, else the mouse", "auto", "invoke", "mouse").DefaultsTo("auto");
    public static readonly ParameterDescriptor ElementState = Choice("state", "the state to wait for", "visible", "hidden", "enabled", "disabled").DefaultsTo("visible");
    public static readonly ParameterDescriptor Match = Choice("match", "how the text is compared (equals trims both sides)", "equals", "contains", "regex").DefaultsTo("equals").Alias("exact", "equals");
    public static readonly ParameterDescriptor ImageState = Choice("state", "wait until the image is visible or hidden", "visible", "hidden").DefaultsTo("visible");
    public static readonly ParameterDescriptor WindowState = Choice("state", "open: the window becomes current; closed: wait until it is gone", "open", "closed").DefaultsTo("open");
    public static readonly ParameterDescriptor Button = Choice("button", "which mouse button", "left", "right", "middle").DefaultsTo("left");

    private static readonly ParameterDescriptor Element = Selector("selector", "the element: window[...] >> button[name=OK]").IsRequired();
    private static readonly ParameterDescriptor OptionalWindow = Selector("window", "a window selector (default: the current window)");
    private static readonly ParameterDescriptor Delay = Duration("delay", "pause between typed keys (default: the robot's desktop.typingDelay)");
    private static readonly ParameterDescriptor Image = Text("image", "a template PNG; a relative path is read beside the robot's file").IsRequired();
    private static readonly ParameterDescriptor Confidence = Number("confidence", "1.0 is a pixel-exact match", 0, 1).DefaultsTo("0.9");
    private static readonly ParameterDescriptor Region = Text("region", "search only \"x,y,w,h\" of the screen (or the window)");
    private static readonly ParameterDescriptor Clicks = Integer("clicks", "how many clicks", 1, 3).DefaultsTo("1");

    public static IReadOnlyList<ActionDescriptor> All { get; } =
    [
        new("launch", "Start a program; its first window becomes the current one",
        [
            Text("program", "the program: a name on the PATH or a path").IsRequired(),
            List("args", "its arguments (visible to every local user: no secrets)"),
            Text("workingDirectory", "the folder it starts in"),
            Map("env", "variables for the program; values may be ${env:NAME} (not visible to other users)"),
            Text("stdin", "text written to the program's input, which is then closed"),
            Variable("variable", "gets the process id"),
        ]),
        new("attach", "Wait for a window (title, process, class) and make it the current window",
        [
            Selector("window", "the window: window[title*='Notepad']").IsRequired(),
            Boolean("focus", "bring it to the front").DefaultsTo("true"),
        ]),
        new("waitWindow", "Wait until a window is open (state: open) or gone (state: closed); an open one becomes current",
            [Selector("window", "the window").IsRequired(), WindowState]),
        new("focus", "Bring a window (default: the current one) to the front with keyboard focus", [OptionalWindow]),
        new("close", "Close a window politely, then end its process after timeout", [OptionalWindow]),
        new("click", "Click an element: its default action when it has one (mode: auto), or the mouse (mode: mouse)", [Element, ClickMode]),
        new("doubleClick", "Double-click the centre of an element with the mouse", [Element]),
        new("rightClick", "Right-click the centre of an element with the mouse", [Element]),
        new("setText", "Replace the text of an edit field", [Element, Text("text", "the new text").IsRequired()]),
        new("type", "Focus an element and type text key by key", [Element, Text("text", "what to type").IsRequired(), Delay]),
        new("readText", "Read an element's text into a variable", [Element, Variable("variable", "gets the text").IsRequired()]),
        new("select", "Select an item of a list, combo box or tab list by its name", [Element, Text("item", "the item's name").IsRequired()]),
        new("toggle", "Flip a check box or toggle button, or set it (state: true/false)", [Element, Boolean("state", "set it on (true) or off (false) instead of flipping")]),
        new("waitElement", "Wait until an element is visible, hidden, enabled or disabled (state)", [Element, ElementState]),
        new("assertText", "Fail unless an element's text equals (or contains, or matches) the given text", [Element, Text("text", "the text expected").IsRequired(), Match]),
        new("moveMouse", "Move the mouse to x, y (of the screen, or of a window)",
            [Number("x", "pixels from the left").IsRequired(), Number("y", "pixels from the top").IsRequired(), Selector("window", "count from this window's top-left corner")]),
        new("clickAt", "Click at x, y (of the screen, or of a window)",
            [Number("x", "pixels from the left").IsRequired(), Number("y", "pixels from the top").IsRequired(), Selector("window", "count from this window's top-left corner"), Button, Clicks]),
        new("typeKeys", "Type text into whatever has the keyboard focus", [Text("text", "what to type").IsRequired(), Delay]),
        new("hotkey", "Press key chords such as ctrl+s, alt+f4 or \"ctrl+a delete\"", [Text("keys", "one chord or several separated by spaces or commas").IsRequired()]),
        new("scroll", "Turn the mouse wheel (amount: notches, positive scrolls down or right)",
        [
            Integer("amount", "wheel notches; positive scrolls down (or right)", -1000, 1000).IsRequired(),
            Boolean("horizontal", "scroll sideways").DefaultsTo("false"),
            Selector("selector", "point at this element first"),
            Number("x", "point here first (with y)"),
            Number("y", "point here first (with x)"),
            Selector("window", "x and y count from this window's top-left corner"),
        ]),
        new("findImage", "Find a template PNG on the screen; its centre as x,y into variable (and variable.x, variable.y)",
            [Image, Confidence, Region, OptionalWindow, Boolean("required", "false: a missing image sets the variable empty instead of failing").DefaultsTo("true"), Variable("variable", "gets x,y of the centre")]),
        new("clickImage", "Wait for a template PNG on the screen and click its centre", [Image, Confidence, Region, OptionalWindow, Button, Clicks]),
        new("waitImage", "Wait until a template PNG is on the screen (or gone: state hidden)", [Image, ImageState, Confidence, Region, OptionalWindow]),
        new("screenshot", "Save the screen or a window as PNG in the run folder",
            [Text("path", "the file in the run folder").DefaultsTo("screenshot-<step>.png"), OptionalWindow, Variable("variable", "gets the full path")]),
    ];

    /// <summary>Every desktop step also takes these.</summary>
    public static IReadOnlyList<ParameterDescriptor> Common { get; } =
    [
        Duration("timeout", "how long the step waits for its window, element or image (default: the robot's desktop.timeout)"),
    ];

    /// <summary>The robot's "desktop" block.</summary>
    public static IReadOnlyList<ParameterDescriptor> Settings { get; } =
    [
        Text("display", "X display to use (Linux only), e.g. \":0\" (default: $DISPLAY)"),
        Duration("timeout", "how long element, window and image steps wait for their target").DefaultsTo("10s"),
        Duration("typingDelay", "pause between typed keys, for applications that drop fast input").DefaultsTo("0"),
        Boolean("accessibility", "false skips element automation entirely: only coordinates, keys and images").DefaultsTo("true"),
    ];
}
