using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>How a step finds its element: the selector parameter, the element's window and the path inside it.</summary>
internal sealed partial class DesktopSession
{
    internal async Task MouseOnElementAsync(StepContext step, DesktopElement element, MouseButton button, int count, CancellationToken ct)
    {
        var bounds = (await _driver.DescribeAsync(element, ct)).Bounds;
        if (bounds.IsEmpty)
        {
            throw Fail(step, $"{element} has no position on the screen (hidden or scrolled away), so it cannot be clicked with the mouse");
        }

        // GTK reports a child scrolled out of its pane at made-up coordinates far off the screen.
        var window = element.Window.Bounds;
        var center = bounds.Center;
        if (!window.IsEmpty && !window.Contains(center))
        {
            throw Fail(step, $"{element} is outside its window (its centre {center} is not in {window}): scrolled out of view or hidden; scroll it into view first");
        }

        await _driver.FocusWindowAsync(element.Window, ct);

        // A popup, an overlay or a scrolled pane can cover the element's centre: a click there would land on
        // something else, so the window is asked what is under the point first.
        if (await _driver.HitTestAsync(element, bounds.Center, ct) is { IsTarget: false } hit)
        {
            throw Fail(step, $"{element} is covered at {bounds.Center} by {hit.Found}; the mouse would click that instead (close what covers it, or scroll the element into view)");
        }

        await _driver.ClickAsync(bounds.Center, button, count, ct);
        step.Log($"{(count == 2 ? "double-clicked" : button == MouseButton.Right ? "right-clicked" : "clicked")} {element} at {bounds.Center}");
    }

    internal DesktopSelector SelectorParameter(StepContext step)
    {
        var text = step.Parameters.GetString("selector");
        DesktopSelector selector;
        try
        {
            selector = _options.WithFramework(DesktopSelector.Parse(text));
        }
        catch (SelectorSyntaxException ex)
        {
            throw Fail(step, $"parameter 'selector': {ex.Message}");
        }

        if (selector.Path.Select(part => part.Framework.Unavailable(_driver.Backend)).FirstOrDefault(problem => problem is not null) is { } unavailable)
        {
            throw Fail(step, $"parameter 'selector': {unavailable}; remove the prefix");
        }

        if (selector.Path.Count == 0)
        {
            throw Fail(step, $"parameter 'selector': '{text}' names only a window; add the element after '>>', e.g. {text} >> button[name=\"OK\"]");
        }

        if (selector.Window is null && _currentWindow is null && _currentProcessId is null)
        {
            throw Fail(step, $"parameter 'selector': '{text}' names no window and there is no current window; start it with window[title=\"...\"] or add an attach step");
        }

        return selector;
    }

    internal Task<DesktopElement> FindElementAsync(StepContext step, CancellationToken ct) =>
        FindElementAsync(step, SelectorParameter(step), Timeout(step), ct);

    private async Task<DesktopElement> FindElementAsync(StepContext step, DesktopSelector selector, TimeSpan timeout, CancellationToken ct)
    {
        string reason = "";
        var element = await Poll.UntilAsync(
            async c =>
            {
                var (found, why) = await FindElementOnceAsync(selector, c);
                reason = why;
                return found;
            },
            timeout,
            Time,
            ct);
        return element ?? throw Fail(step, $"{reason} after {Duration.Format(timeout)}{await SuggestNamesAsync(selector, ct)}");
    }

    /// <summary>
    /// What to add to a miss's error: why the window has no element tree at all (a toolkit without AT-SPI), or the
    /// names nearest to the one asked for; "" when neither helps.
    /// </summary>
    internal async Task<string> SuggestNamesAsync(DesktopSelector selector, CancellationToken ct)
    {
        if (_evidenceWindow is not { } window)
        {
            return "";
        }

        ElementNode tree;
        try
        {
            tree = await _driver.GetElementTreeAsync(window, maxDepth: 25, ct);
        }
        catch (DesktopDriverException ex)
        {
            return "; " + ex.Message;
        }

        if (selector.Path.LastOrDefault(part => part.Name is { Operator: not MatchOperator.Regex }) is not { Name: { } wanted })
        {
            return "";
        }

        var nearest = NearestNames.For(wanted.Value, tree);
        return nearest.Count == 0 ? "" : $"; nearest names: {string.Join(", ", nearest.Select(name => $"\"{name}\""))}";
    }

    /// <summary>One look for the element, without waiting: the element, or null and why not (for the step's error).</summary>
    internal async Task<(DesktopElement? Element, string Reason)> FindElementOnceAsync(DesktopSelector selector, CancellationToken ct)
    {
        _evidenceSelector = selector.ToString();
        var window = await SelectorWindowAsync(selector, ct);
        if (window is null)
        {
            return (null, selector.Window is { } wanted ? $"no window matches {wanted}" : "the current window has closed");
        }

        _evidenceWindow = window;
        var found = await ResolvePathAsync(window, selector.Path, ct);
        return (found, found is null ? $"no element matches {PathText(selector)} in window {window}" : "");
    }

    /// <summary>The element's current properties, or null when the selector finds nothing right now.</summary>
    internal async Task<ElementInfo?> ProbeAsync(DesktopSelector selector, CancellationToken ct)
    {
        var window = await SelectorWindowAsync(selector, ct);
        if (window is null)
        {
            return null;
        }

        _evidenceWindow = window;
        _evidenceSelector = selector.ToString();
        using var element = await ResolvePathAsync(window, selector.Path, ct);
        if (element is null)
        {
            return null;
        }

        try
        {
            return await _driver.DescribeAsync(element, ct);
        }
        catch (DesktopDriverException)
        {
            return null;
        }
    }

    private async Task<DesktopElement?> ResolvePathAsync(DesktopWindow window, IReadOnlyList<ElementSelector> path, CancellationToken ct)
    {
        DesktopElement? scope = null;
        foreach (var part in path)
        {
            var matches = await _driver.FindElementsAsync(window, scope, part, part.Index + 1, ct);
            scope?.Dispose();
            scope = matches.Count > part.Index ? matches[part.Index] : null;
            foreach (var other in matches.Where(match => !ReferenceEquals(match, scope)))
            {
                other.Dispose();
            }

            if (scope is null)
            {
                return null;
            }
        }

        return scope;
    }

    private static string PathText(DesktopSelector selector) => string.Join(" >> ", selector.Path);
}
