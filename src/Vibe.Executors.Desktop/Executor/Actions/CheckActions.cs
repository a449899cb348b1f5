using System.Text.RegularExpressions;
using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>{"action": "waitElement", "selector": "...", "state": "enabled"}: waits for an element's state.</summary>
internal sealed class WaitElementAction : IDesktopAction
{
    private static readonly ParameterDescriptor State =
        Choice("state", "the state to wait for", "visible", "hidden", "enabled", "disabled").DefaultsTo("visible");

    public ActionDescriptor Descriptor { get; } = new("waitElement", "Wait until an element is visible, hidden, enabled or disabled (state)",
        [DesktopActions.Element, State]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var selector = session.SelectorParameter(step);
        var state = step.Parameters.GetChoice(State);
        Func<ElementInfo?, bool> reached = state switch
        {
            "visible" => info => info is not null && info.Has(ElementStates.Visible),
            "hidden" => info => info is null || !info.Has(ElementStates.Visible),
            "enabled" => info => info is not null && info.Has(ElementStates.Enabled),
            "disabled" => info => info is not null && !info.Has(ElementStates.Enabled),
            _ => throw DesktopSession.Fail(step, $"parameter 'state' must be visible, hidden, enabled or disabled, not '{state}'"),
        };
        var timeout = session.Timeout(step, DesktopSession.WindowTimeout);
        if (!await Poll.UntilTrueAsync(async c => reached(await session.ProbeAsync(selector, c)), timeout, session.Time, ct))
        {
            throw DesktopSession.Fail(step, $"{selector} is not {state} after {Vibe.Domain.Robots.Duration.Format(timeout)}");
        }

        step.Log($"{selector} is {state}");
    }
}

/// <summary>{"action": "assertText", "selector": "...", "text": "42", "match": "contains"}.</summary>
internal sealed class AssertTextAction : IDesktopAction
{
    private static readonly ParameterDescriptor Match =
        Choice("match", "how the text is compared (equals trims both sides)", "equals", "contains", "regex").DefaultsTo("equals").Alias("exact", "equals");

    public ActionDescriptor Descriptor { get; } = new("assertText", "Fail unless an element's text equals (or contains, or matches) the given text",
        [DesktopActions.Element, Text("text", "the text expected").IsRequired(), Match]);

    /// <summary>
    /// Reads the element again until its text matches or the step's timeout has passed (web's assertText waits the
    /// same way): a check right after the click that changes the text must not fail because the app was slower.
    /// </summary>
    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var expected = step.Parameters.GetString("text");
        var match = step.Parameters.GetChoice(Match);
        Func<string, bool> matches = match switch
        {
            "equals" => actual => string.Equals(actual.Trim(), expected.Trim(), StringComparison.Ordinal),
            "contains" => actual => actual.Contains(expected, StringComparison.Ordinal),
            "regex" => actual => Regex.IsMatch(actual, expected, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            _ => throw DesktopSession.Fail(step, $"parameter 'match' must be equals, contains or regex, not '{match}'"),
        };
        var selector = session.SelectorParameter(step);
        var timeout = session.Timeout(step);
        string? actual = null;
        string where = "";
        string reason = "";
        var ok = await Poll.UntilTrueAsync(
            async c =>
            {
                var (element, why) = await session.FindElementOnceAsync(selector, c);
                using (element)
                {
                    reason = why;
                    if (element is null)
                    {
                        return false;
                    }

                    where = element.ToString();
                    try
                    {
                        actual = await session.Driver.ReadTextAsync(element, c);
                    }
                    catch (DesktopDriverException ex)
                    {
                        reason = $"the text of {element} could not be read: {ex.Message}";
                        actual = null;
                        return false;
                    }

                    return matches(actual);
                }
            },
            timeout,
            session.Time,
            ct);
        var verb = match switch { "contains" => "to contain", "regex" => "to match", _ => "to be" };
        if (!ok)
        {
            throw DesktopSession.Fail(step, actual is null
                ? $"expected the text of {selector} {verb} \"{expected}\", but {reason} after {Vibe.Domain.Robots.Duration.Format(timeout)}{await session.SuggestNamesAsync(selector, ct)}"
                : $"expected the text of {where} {verb} \"{expected}\", but it is still \"{actual}\" after {Vibe.Domain.Robots.Duration.Format(timeout)}");
        }

        step.Log($"the text of {where} {(match == "equals" ? "is" : match == "contains" ? "contains" : "matches")} \"{expected}\"");
    }
}
