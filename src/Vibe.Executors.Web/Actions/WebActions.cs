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
    }.ToDictionary(action => action.Descriptor.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<ActionDescriptor> Descriptors { get; } = All.Values.Select(action => action.Descriptor).ToList();
}
