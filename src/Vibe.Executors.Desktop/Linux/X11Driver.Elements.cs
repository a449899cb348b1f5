using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>Element operations go to AT-SPI, which has its own thread and connection (one per process).</summary>
internal sealed partial class X11Driver
{
    private AtspiClient Accessibility =>
        _accessibility ? AtspiClient.Shared : throw new DesktopDriverException("element automation is switched off for this driver");

    public ValueTask<IReadOnlyList<DesktopElement>> FindElementsAsync(
        DesktopWindow window, DesktopElement? scope, ElementSelector selector, int limit, CancellationToken cancellationToken) =>
        Accessibility.FindAsync(window, scope, selector, limit, cancellationToken);

    public ValueTask<ElementInfo> DescribeAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Accessibility.DescribeAsync(element, cancellationToken);

    public async ValueTask<ElementNode> GetElementTreeAsync(DesktopWindow window, int maxDepth, CancellationToken cancellationToken)
    {
        try
        {
            return await Accessibility.TreeAsync(window, maxDepth, cancellationToken);
        }
        catch (NoElementTreeException ex)
        {
            // A Qt window has no tree when the display does not say where the accessibility bus is: say so.
            var busProblem = await _thread.RunAsync(AccessibilityBusProblem, cancellationToken);
            throw busProblem is null ? ex : new NoElementTreeException($"{ex.Message}; {busProblem}");
        }
    }

    public ValueTask<bool> TryInvokeAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Accessibility.TryInvokeAsync(element, cancellationToken);

    public ValueTask FocusElementAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Accessibility.FocusAsync(element, cancellationToken);

    public ValueTask SetTextAsync(DesktopElement element, string text, CancellationToken cancellationToken) =>
        Accessibility.SetTextAsync(element, text, cancellationToken);

    public ValueTask<string> ReadTextAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Accessibility.ReadTextAsync(element, cancellationToken);

    public ValueTask SelectAsync(DesktopElement element, TextMatch item, CancellationToken cancellationToken) =>
        Accessibility.SelectAsync(element, item, cancellationToken);

    public ValueTask ToggleAsync(DesktopElement element, CancellationToken cancellationToken) =>
        Accessibility.ToggleAsync(element, cancellationToken);

    public ValueTask<HitTest?> HitTestAsync(DesktopElement element, ScreenPoint point, CancellationToken cancellationToken) =>
        Accessibility.HitTestAsync(element, point, cancellationToken);
}
