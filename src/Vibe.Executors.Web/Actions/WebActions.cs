using Vibe.Application.Executors;

namespace Vibe.Executors.Web.Actions;

/// <summary>Every action the web executor understands, by name (case-insensitive, as robots.json is).</summary>
internal static class WebActions
{
    public static IReadOnlyDictionary<string, IWebAction> All { get; } = new IWebAction[]
    {
        new GotoAction(),
        new ClickAction("click"),
        new ClickAction("dblclick"),
        new HoverAction(),
        new CheckAction(check: true),
        new CheckAction(check: false),
        new FillAction(),
        new TypeAction(),
        new PressAction(),
        new SelectAction(),
        new UploadAction(),
        new DownloadAction(),
        new WaitForAction(),
        new AssertTextAction(),
        new AssertVisibleAction(),
        new ExtractAction(),
        new ScreenshotAction(),
        new FrameAction(),
        new TabAction(),
        new EvaluateAction(),
    }.ToDictionary(action => action.Descriptor.Name, StringComparer.Ordinal);

    /// <summary>Every web step also takes these.</summary>
    public static IReadOnlyList<ParameterDescriptor> Common { get; } =
    [
        ParameterDescriptor.Duration("timeout", "how long the step waits for its element or page (default: the robot's web.actionTimeout)"),
    ];

    public static IReadOnlyCollection<ActionDescriptor> Descriptors { get; } = All.Values.Select(action => action.Descriptor).ToList();
}
