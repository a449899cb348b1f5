using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>
/// Every action of the "desktop" executor, by its exact (case-sensitive) name, with the parameters shared by
/// several of them, and the robot's "desktop" block: validate, the schema and docs/desktop.md are read from here.
/// </summary>
internal static class DesktopActions
{
    public static readonly ParameterDescriptor Element = Selector("selector", "the element: window[...] >> button[name=OK]").IsRequired();
    public static readonly ParameterDescriptor OptionalWindow = Selector("window", "a window selector (default: the current window)");
    public static readonly ParameterDescriptor Delay = Duration("delay", "pause between typed keys (default: the robot's desktop.typingDelay)");
    public static readonly ParameterDescriptor Button = Choice("button", "which mouse button", "left", "right", "middle").DefaultsTo("left");
    public static readonly ParameterDescriptor Clicks = Integer("clicks", "how many clicks", 1, 3).DefaultsTo("1");

    public static IReadOnlyDictionary<string, IDesktopAction> All { get; } = new IDesktopAction[]
    {
        new LaunchAction(),
        new AttachAction(),
        new WaitWindowAction(),
        new FocusAction(),
        new CloseAction(),
        new ClickAction(),
        new MouseClickAction("doubleClick", "Double-click the centre of an element with the mouse", Driver.MouseButton.Left, 2),
        new MouseClickAction("rightClick", "Right-click the centre of an element with the mouse", Driver.MouseButton.Right, 1),
        new SetTextAction(),
        new TypeAction(),
        new ReadTextAction(),
        new SelectAction(),
        new ToggleAction(),
        new WaitElementAction(),
        new AssertTextAction(),
        new MoveMouseAction(),
        new ClickAtAction(),
        new TypeKeysAction(),
        new HotkeyAction(),
        new ScrollAction(),
        new FindImageAction(),
        new ClickImageAction(),
        new WaitImageAction(),
        new ScreenshotAction(),
    }.ToDictionary(action => action.Descriptor.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<ActionDescriptor> Descriptors { get; } = All.Values.Select(action => action.Descriptor).ToList();

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
        Boolean("closeLaunched", "close the programs the run launched when it ends (politely, then ended after a grace); false leaves them open").DefaultsTo("true"),
        DesktopOptions.FrameworkSetting,
    ];
}
