using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "click", "selector": "text=Sign in"} and "dblclick". Optional: "button" (left, right, middle),
/// "modifiers" (["Shift"]), "force" (skip Playwright's actionability checks), "timeout".
/// </summary>
internal sealed class ClickAction : IWebAction
{
    public ClickAction(string name)
    {
        Descriptor = new(name, name == "dblclick" ? "Double-click an element" : "Click an element",
        [
            Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
            Choice("button", "which mouse button", "left", "right", "middle").DefaultsTo("left"),
            List("modifiers", "keys held while clicking: Alt, Control, ControlOrMeta, Meta, Shift"),
            Boolean("force", "skip Playwright's checks that the element is visible, enabled and still").DefaultsTo("false"),
        ]);
    }

    public ActionDescriptor Descriptor { get; }

    public Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var element = step.Element();
        var button = Button(step);
        var modifiers = Modifiers(step);
        var force = step.Parameters.GetBool("force", false);
        return Descriptor.Name == "dblclick"
            ? element.DblClickAsync(new LocatorDblClickOptions { Button = button, Modifiers = modifiers, Force = force, Timeout = step.Timeout })
            : element.ClickAsync(new LocatorClickOptions { Button = button, Modifiers = modifiers, Force = force, Timeout = step.Timeout });
    }

    private static MouseButton? Button(WebStep step) => step.Parameters.GetOptionalString("button")?.ToLowerInvariant() switch
    {
        null => null,
        "left" => MouseButton.Left,
        "right" => MouseButton.Right,
        "middle" => MouseButton.Middle,
        var other => throw new StepFailedException($"step {step.Name}: parameter 'button' ('{other}') must be left, right or middle"),
    };

    private static List<KeyboardModifier>? Modifiers(WebStep step)
    {
        var names = step.Parameters.GetStringList("modifiers");
        if (names.Count == 0)
        {
            return null;
        }

        return names.Select(name => Enum.TryParse<KeyboardModifier>(name, ignoreCase: true, out var modifier)
                ? modifier
                : throw new StepFailedException($"step {step.Name}: modifier '{name}' must be Alt, Control, ControlOrMeta, Meta or Shift"))
            .ToList();
    }
}

/// <summary>{"action": "hover", "selector": "#menu"}: moves the mouse over an element (menus that open on hover).</summary>
internal sealed class HoverAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("hover", "Move the mouse over an element", [Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired()]);

    public Task ExecuteAsync(WebStep step, CancellationToken cancellationToken) =>
        step.Element().HoverAsync(new LocatorHoverOptions { Timeout = step.Timeout });
}

/// <summary>{"action": "check", "selector": "#remember"} and "uncheck": a checkbox or radio button ends in that state.</summary>
internal sealed class CheckAction : IWebAction
{
    private readonly bool _check;

    public CheckAction(bool check)
    {
        _check = check;
        Descriptor = check
            ? new("check", "Tick a checkbox or choose a radio button", [Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired()])
            : new("uncheck", "Untick a checkbox", [Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired()]);
    }

    public ActionDescriptor Descriptor { get; }

    public Task ExecuteAsync(WebStep step, CancellationToken cancellationToken) => _check
        ? step.Element().CheckAsync(new LocatorCheckOptions { Timeout = step.Timeout })
        : step.Element().UncheckAsync(new LocatorUncheckOptions { Timeout = step.Timeout });
}
