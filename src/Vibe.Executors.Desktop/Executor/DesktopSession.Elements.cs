using System.Text.RegularExpressions;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>click, doubleClick, rightClick, setText, type, readText, select, toggle, waitElement, assertText.</summary>
internal sealed partial class DesktopSession
{
    private static readonly TimeSpan ToggleSettle = TimeSpan.FromSeconds(2);

    private async Task ClickAsync(StepContext step, CancellationToken ct)
    {
        var mode = step.Parameters.GetChoice(DesktopActions.ClickMode);

        using var element = await FindElementAsync(step, ct);
        if (mode != "mouse" && await _driver.TryInvokeAsync(element, ct))
        {
            step.Log($"clicked {element} (default action)");
            return;
        }

        if (mode == "invoke")
        {
            throw Fail(step, $"{element} has no default action to invoke; use \"mode\": \"mouse\"");
        }

        await MouseOnElementAsync(step, element, MouseButton.Left, 1, ct);
    }

    private async Task MouseClickElementAsync(StepContext step, MouseButton button, int count, CancellationToken ct)
    {
        using var element = await FindElementAsync(step, ct);
        await MouseOnElementAsync(step, element, button, count, ct);
    }

    private async Task MouseOnElementAsync(StepContext step, DesktopElement element, MouseButton button, int count, CancellationToken ct)
    {
        var bounds = (await _driver.DescribeAsync(element, ct)).Bounds;
        if (bounds.IsEmpty)
        {
            throw Fail(step, $"{element} has no position on the screen (hidden or scrolled away), so it cannot be clicked with the mouse");
        }

        await _driver.FocusWindowAsync(element.Window, ct);
        await _driver.ClickAsync(bounds.Center, button, count, ct);
        step.Log($"{(count == 2 ? "double-clicked" : button == MouseButton.Right ? "right-clicked" : "clicked")} {element} at {bounds.Center}");
    }

    private async Task SetTextAsync(StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("text");
        using var element = await FindElementAsync(step, ct);
        await _driver.SetTextAsync(element, text, ct);
        await RememberSecretPlaceAsync(text, element, ct);
        step.Log($"set the text of {element} ({text.Length} characters)");
    }

    private async Task TypeAsync(StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("text");
        var delay = step.Parameters.GetDuration("delay", _options.TypingDelay);
        using var element = await FindElementAsync(step, ct);
        await _driver.FocusWindowAsync(element.Window, ct);
        try
        {
            await _driver.FocusElementAsync(element, ct);
        }
        catch (DesktopDriverException)
        {
            // Some widgets refuse programmatic focus but take it from a click, as a person would give it.
            await MouseOnElementAsync(step, element, MouseButton.Left, 1, ct);
        }

        await _driver.TypeTextAsync(text, delay, ct);
        await RememberSecretPlaceAsync(text, element, ct);
        step.Log($"typed {text.Length} characters into {element}");
    }

    private async Task ReadTextAsync(StepContext step, CancellationToken ct)
    {
        var name = step.Parameters.GetString("variable");
        using var element = await FindElementAsync(step, ct);
        var text = await _driver.ReadTextAsync(element, ct);
        step.Variables.Set(name, text);
        step.Log($"read {text.Length} characters from {element} into ${{{name}}}");
    }

    private async Task SelectAsync(StepContext step, CancellationToken ct)
    {
        var item = step.Parameters.GetString("item");
        using var element = await FindElementAsync(step, ct);
        await _driver.SelectAsync(element, new TextMatch(MatchOperator.Equals, item), ct);
        step.Log($"selected \"{item}\" in {element}");
    }

    private async Task ToggleAsync(StepContext step, CancellationToken ct)
    {
        bool? wanted = step.Parameters.Has("state") ? step.Parameters.GetBool("state", false) : null;
        using var element = await FindElementAsync(step, ct);
        var before = (await _driver.DescribeAsync(element, ct)).Has(ElementStates.Checked);
        if (wanted == before)
        {
            step.Log($"{element} is already {(before ? "on" : "off")}");
            return;
        }

        await _driver.ToggleAsync(element, ct);
        var target = !before;
        if (!await Poll.UntilTrueAsync(async c => (await _driver.DescribeAsync(element, c)).Has(ElementStates.Checked) == target, ToggleSettle, Time, ct))
        {
            throw Fail(step, $"{element} was toggled but still reads {(before ? "on" : "off")}");
        }

        step.Log($"turned {element} {(target ? "on" : "off")}");
    }

    private async Task WaitElementAsync(StepContext step, CancellationToken ct)
    {
        var selector = SelectorParameter(step);
        var state = step.Parameters.GetChoice(DesktopActions.ElementState);
        Func<ElementInfo?, bool> reached = state switch
        {
            "visible" => info => info is not null && info.Has(ElementStates.Visible),
            "hidden" => info => info is null || !info.Has(ElementStates.Visible),
            "enabled" => info => info is not null && info.Has(ElementStates.Enabled),
            "disabled" => info => info is not null && !info.Has(ElementStates.Enabled),
            _ => throw Fail(step, $"parameter 'state' must be visible, hidden, enabled or disabled, not '{state}'"),
        };
        var timeout = Timeout(step, WindowTimeout);
        if (!await Poll.UntilTrueAsync(async c => reached(await ProbeAsync(selector, c)), timeout, Time, ct))
        {
            throw Fail(step, $"{selector} is not {state} after {Duration.Format(timeout)}");
        }

        step.Log($"{selector} is {state}");
    }

    private async Task AssertTextAsync(StepContext step, CancellationToken ct)
    {
        var expected = step.Parameters.GetString("text");
        var match = step.Parameters.GetChoice(DesktopActions.Match);
        using var element = await FindElementAsync(step, ct);
        var actual = await _driver.ReadTextAsync(element, ct);
        var ok = match switch
        {
            "equals" => string.Equals(actual.Trim(), expected.Trim(), StringComparison.Ordinal),
            "contains" => actual.Contains(expected, StringComparison.Ordinal),
            "regex" => Regex.IsMatch(actual, expected, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            _ => throw Fail(step, $"parameter 'match' must be equals, contains or regex, not '{match}'"),
        };
        if (!ok)
        {
            var verb = match switch { "contains" => "to contain", "regex" => "to match", _ => "to be" };
            throw Fail(step, $"expected the text of {element} {verb} \"{expected}\", but it is \"{actual}\"");
        }

        step.Log($"the text of {element} {(match == "equals" ? "is" : match == "contains" ? "contains" : "matches")} \"{expected}\"");
    }

    private DesktopSelector SelectorParameter(StepContext step)
    {
        var text = step.Parameters.GetString("selector");
        DesktopSelector selector;
        try
        {
            selector = DesktopSelector.Parse(text);
        }
        catch (SelectorSyntaxException ex)
        {
            throw Fail(step, $"parameter 'selector': {ex.Message}");
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

    private Task<DesktopElement> FindElementAsync(StepContext step, CancellationToken ct) =>
        FindElementAsync(step, SelectorParameter(step), Timeout(step), ct);

    private async Task<DesktopElement> FindElementAsync(StepContext step, DesktopSelector selector, TimeSpan timeout, CancellationToken ct)
    {
        _evidenceSelector = selector.ToString();
        string reason = "";
        var element = await Poll.UntilAsync(
            async c =>
            {
                var window = await SelectorWindowAsync(selector, c);
                if (window is null)
                {
                    reason = selector.Window is { } wanted ? $"no window matches {wanted}" : "the current window has closed";
                    return null;
                }

                _evidenceWindow = window;
                var found = await ResolvePathAsync(window, selector.Path, c);
                reason = $"no element matches {PathText(selector)} in window {window}";
                return found;
            },
            timeout,
            Time,
            ct);
        return element ?? throw Fail(step, $"{reason} after {Duration.Format(timeout)}");
    }

    /// <summary>The element's current properties, or null when the selector finds nothing right now.</summary>
    private async Task<ElementInfo?> ProbeAsync(DesktopSelector selector, CancellationToken ct)
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
