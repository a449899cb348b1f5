using System.Text.RegularExpressions;
using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>{"action": "click", "selector": "button[name=OK]"}: the element's default action, or the mouse.</summary>
internal sealed class ClickAction : IDesktopAction
{
    private static readonly ParameterDescriptor Mode =
        Choice("mode", "auto: the element's own action when it has one, else the mouse", "auto", "invoke", "mouse").DefaultsTo("auto");

    public ActionDescriptor Descriptor { get; } = new("click", "Click an element: its default action when it has one (mode: auto), or the mouse (mode: mouse)",
        [DesktopActions.Element, Mode]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var mode = step.Parameters.GetChoice(Mode);
        using var element = await session.FindElementAsync(step, ct);
        if (mode != "mouse" && await session.Driver.TryInvokeAsync(element, ct))
        {
            step.Log($"clicked {element} (default action)");
            return;
        }

        if (mode == "invoke")
        {
            throw DesktopSession.Fail(step, $"{element} has no default action to invoke; use \"mode\": \"mouse\"");
        }

        await session.MouseOnElementAsync(step, element, MouseButton.Left, 1, ct);
    }
}

/// <summary>doubleClick and rightClick: the mouse on the centre of an element.</summary>
internal sealed class MouseClickAction(string name, string summary, MouseButton button, int count) : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new(name, summary, [DesktopActions.Element]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        using var element = await session.FindElementAsync(step, ct);
        await session.MouseOnElementAsync(step, element, button, count, ct);
    }
}

/// <summary>{"action": "setText", "selector": "...", "text": "..."}: replaces an edit field's text.</summary>
internal sealed class SetTextAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("setText", "Replace the text of an edit field",
        [DesktopActions.Element, Text("text", "the new text").IsRequired()]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("text");
        using var element = await session.FindElementAsync(step, ct);
        await session.Driver.SetTextAsync(element, text, ct);
        await session.RememberSecretPlaceAsync(text, element, ct);
        step.Log($"set the text of {element} ({text.Length} characters)");
    }
}

/// <summary>{"action": "type", "selector": "...", "text": "..."}: focuses an element and types key by key.</summary>
internal sealed class TypeAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("type", "Focus an element and type text key by key",
        [DesktopActions.Element, Text("text", "what to type").IsRequired(), DesktopActions.Delay]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var text = step.Parameters.GetString("text");
        var delay = step.Parameters.GetDuration("delay", session.Options.TypingDelay);
        using var element = await session.FindElementAsync(step, ct);
        await session.Driver.FocusWindowAsync(element.Window, ct);
        try
        {
            await session.Driver.FocusElementAsync(element, ct);
        }
        catch (DesktopDriverException)
        {
            // Some widgets refuse programmatic focus but take it from a click, as a person would give it.
            await session.MouseOnElementAsync(step, element, MouseButton.Left, 1, ct);
        }

        await session.Driver.TypeTextAsync(text, delay, ct);
        await session.WaitUntilShownAsync(element, text, ct);
        await session.RememberSecretPlaceAsync(text, element, ct);
        step.Log($"typed {text.Length} characters into {element}");
    }
}

/// <summary>
/// {"action": "readText", "selector": "...", "variable": "total", "pattern": "Sum: (\\d+)"}: an element's text into a
/// variable; with a pattern, only its first group (or the whole match), waiting until the text matches.
/// </summary>
internal sealed class ReadTextAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("readText", "Read an element's text (or the part a regular expression captures) into a variable",
    [
        DesktopActions.Element,
        Variable("variable", "gets the text").IsRequired(),
        Text("pattern", "a regular expression: the variable gets its first group (or the whole match); waits until the text matches"),
    ]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var name = step.Parameters.GetString("variable");
        Regex? pattern;
        try
        {
            pattern = step.Parameters.GetOptionalString("pattern") is { } text ? new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;
        }
        catch (ArgumentException ex)
        {
            throw DesktopSession.Fail(step, $"parameter 'pattern' is not a regular expression: {ex.Message}");
        }

        if (pattern is null)
        {
            using var element = await session.FindElementAsync(step, ct);
            var whole = await session.Driver.ReadTextAsync(element, ct);
            step.Variables.Set(name, whole);
            step.Log($"read {whole.Length} characters from {element} into ${{{name}}}");
            return;
        }

        var selector = session.SelectorParameter(step);
        var timeout = session.Timeout(step);
        string? read = null;
        string where = "";
        Match? found = null;
        string reason = "";
        await Poll.UntilTrueAsync(
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
                    read = await session.Driver.ReadTextAsync(element, c);
                    found = pattern.Match(read);
                    return found.Success;
                }
            },
            timeout,
            session.Time,
            ct);
        if (found is not { Success: true } match)
        {
            throw DesktopSession.Fail(step, read is null
                ? $"{reason} after {Vibe.Domain.Robots.Duration.Format(timeout)}"
                : $"the text of {where} (\"{read}\") does not match /{pattern}/ after {Vibe.Domain.Robots.Duration.Format(timeout)}");
        }

        var value = match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
        step.Variables.Set(name, value);
        step.Log($"read \"{value}\" (matched /{pattern}/) from {where} into ${{{name}}}");
    }
}

/// <summary>{"action": "select", "selector": "combobox[name=Country]", "item": "France"}.</summary>
internal sealed class SelectAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("select", "Select an item of a list, combo box or tab list by its name",
        [DesktopActions.Element, Text("item", "the item's name").IsRequired()]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var item = step.Parameters.GetString("item");
        using var element = await session.FindElementAsync(step, ct);
        await session.Driver.SelectAsync(element, new TextMatch(MatchOperator.Equals, item), ct);
        step.Log($"selected \"{item}\" in {element}");
    }
}

/// <summary>{"action": "toggle", "selector": "checkbox[name=Agree]", "state": true}: flips or sets a check box.</summary>
internal sealed class ToggleAction : IDesktopAction
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public ActionDescriptor Descriptor { get; } = new("toggle", "Flip a check box or toggle button, or set it (state: true/false)",
        [DesktopActions.Element, Boolean("state", "set it on (true) or off (false) instead of flipping")]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        bool? wanted = step.Parameters.Has("state") ? step.Parameters.GetBool("state", false) : null;
        using var element = await session.FindElementAsync(step, ct);
        var before = (await session.Driver.DescribeAsync(element, ct)).Has(ElementStates.Checked);
        if (wanted == before)
        {
            step.Log($"{element} is already {(before ? "on" : "off")}");
            return;
        }

        await session.Driver.ToggleAsync(element, ct);
        var target = !before;
        if (!await Poll.UntilTrueAsync(async c => (await session.Driver.DescribeAsync(element, c)).Has(ElementStates.Checked) == target, Settle, session.Time, ct))
        {
            throw DesktopSession.Fail(step, $"{element} was toggled but still reads {(before ? "on" : "off")}");
        }

        step.Log($"turned {element} {(target ? "on" : "off")}");
    }
}
