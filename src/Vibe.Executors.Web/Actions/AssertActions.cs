using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "assertText", "selector": "#status", "text": "Paid", "match": "contains"}: fails the step unless the
/// element's text contains (default), equals ("exact") or matches ("regex") the expected text within the timeout.
/// The failure shows the expected and the actual text.
/// </summary>
internal sealed class AssertTextAction : IWebAction
{
    private static readonly ParameterDescriptor Match =
        Choice("match", "how the text is compared", "contains", "equals", "regex").DefaultsTo("contains").Alias("exact", "equals");

    public ActionDescriptor Descriptor { get; } = new("assertText", "Fail unless an element's text contains, equals or matches a value",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        Text("text", "the text expected (a regular expression with match: regex)").IsRequired(),
        Match,
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var expected = step.Parameters.GetString("text");
        var match = step.Parameters.GetChoice(Match);
        var element = step.Element();
        var options = new LocatorAssertionsToHaveTextOptions { Timeout = (float)step.EffectiveTimeout.TotalMilliseconds, UseInnerText = true };
        var (wanted, assertion) = match switch
        {
            "contains" => ($"to contain \"{expected}\"", Assertions.Expect(element).ToContainTextAsync(expected, new() { Timeout = options.Timeout, UseInnerText = true })),
            "equals" => ($"to read \"{expected}\"", Assertions.Expect(element).ToHaveTextAsync(expected, options)),
            "regex" => ($"to match /{expected}/", Assertions.Expect(element).ToHaveTextAsync(new Regex(expected, RegexOptions.None, TimeSpan.FromSeconds(1)), options)),
            _ => throw new StepFailedException($"step {step.Name}: parameter 'match' ('{match}') must be contains, equals or regex"),
        };

        try
        {
            await assertion;
        }
        catch (PlaywrightException ex)
        {
            var actual = await Actual.TextAsync(element);
            throw new WebStepException($"expected {step.Describe(step.Selector!)} {wanted} but {actual}", ex);
        }
    }
}

/// <summary>
/// {"action": "assertVisible", "selector": "#receipt"}: fails the step unless the element is visible within the timeout;
/// "visible": false asserts that it is hidden or absent.
/// </summary>
internal sealed class AssertVisibleAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("assertVisible", "Fail unless an element is visible (or, with visible: false, hidden)",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        Boolean("visible", "false: fail unless it is hidden or absent").DefaultsTo("true"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var visible = step.Parameters.GetBool("visible", true);
        var element = step.Element();
        var timeout = (float)step.EffectiveTimeout.TotalMilliseconds;
        try
        {
            if (visible)
            {
                await Assertions.Expect(element).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = timeout });
            }
            else
            {
                await Assertions.Expect(element).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = timeout });
            }
        }
        catch (PlaywrightException ex)
        {
            var count = await Actual.CountAsync(element);
            var actual = count switch
            {
                0 => "no element matches it",
                1 => visible ? "it is hidden" : "it is visible",
                _ => $"{count} elements match it",
            };
            throw new WebStepException(
                $"expected {step.Describe(step.Selector!)} to be {(visible ? "visible" : "hidden")} within {WebStep.Format(step.EffectiveTimeout)} but {actual}", ex);
        }
    }
}

/// <summary>What the page actually shows, read quickly after an assertion failed, for the failure message.</summary>
internal static class Actual
{
    private const float QuickTimeout = 1000;

    public static async Task<string> TextAsync(ILocator element)
    {
        var count = await CountAsync(element);
        if (count == 0)
        {
            return "no element matches it";
        }

        if (count > 1)
        {
            return $"{count} elements match it";
        }

        try
        {
            var text = (await element.InnerTextAsync(new LocatorInnerTextOptions { Timeout = QuickTimeout })).Trim();
            return text.Length > 300 ? $"it reads \"{text[..300]}...\"" : $"it reads \"{text}\"";
        }
        catch (PlaywrightException)
        {
            return "its text could not be read";
        }
    }

    public static async Task<int> CountAsync(ILocator element)
    {
        try
        {
            return await element.CountAsync();
        }
        catch (PlaywrightException)
        {
            return 0;
        }
    }
}
