using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// Waits until the page is ready for the next step; every condition given must hold, checked in this order:
/// "selector" (with "state": visible, hidden, attached, detached), "text" (visible somewhere in the frame),
/// "url" (a glob such as **/dashboard*, or /a regular expression/), "loadState" (load, domcontentloaded,
/// networkidle). "timeout" bounds each wait.
/// </summary>
internal sealed class WaitForAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("waitFor", "Wait for an element state, text, URL or network idle",
    [
        Selector("selector", "wait for this element's state"),
        Choice("state", "the element's state to wait for", "visible", "hidden", "attached", "detached").DefaultsTo("visible"),
        Text("text", "wait for this text to show in the current frame"),
        Text("url", "wait for the address to match this glob or /regular expression/"),
        Choice("loadState", "wait for the page's load state", "load", "domcontentloaded", "networkidle"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var selector = step.Selector;
        var text = step.Parameters.GetOptionalString("text");
        var url = step.Parameters.GetOptionalString("url");
        var loadState = step.Parameters.GetOptionalString("loadState");
        if (selector is null && text is null && url is null && loadState is null)
        {
            throw new StepFailedException($"step {step.Name}: waitFor needs a 'selector', 'text', 'url' or 'loadState'");
        }

        var timeout = (float)step.EffectiveTimeout.TotalMilliseconds;
        if (selector is not null)
        {
            await step.Element().WaitForAsync(new LocatorWaitForOptions { State = State(step), Timeout = timeout });
        }

        if (text is not null)
        {
            await WaitAsync(
                step.Scope.Text(text).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = timeout }),
                $"the text \"{text}\" did not appear{step.Scope.Where} within {WebStep.Format(step.EffectiveTimeout)}");
        }

        if (url is not null)
        {
            var options = new PageWaitForURLOptions { Timeout = timeout };
            var wait = IsRegex(url, out var regex) ? step.Page.WaitForURLAsync(regex, options) : step.Page.WaitForURLAsync(url, options);
            await WaitAsync(wait, $"the address did not match '{url}' within {WebStep.Format(step.EffectiveTimeout)}");
        }

        if (loadState is not null)
        {
            var state = loadState.ToLowerInvariant() switch
            {
                "load" => LoadState.Load,
                "domcontentloaded" => LoadState.DOMContentLoaded,
                "networkidle" => LoadState.NetworkIdle,
                _ => throw new StepFailedException($"step {step.Name}: parameter 'loadState' ('{loadState}') must be load, domcontentloaded or networkidle"),
            };
            await step.Page.WaitForLoadStateAsync(state, new PageWaitForLoadStateOptions { Timeout = timeout });
        }
    }

    private static WaitForSelectorState State(WebStep step) => step.Parameters.GetOptionalString("state")?.ToLowerInvariant() switch
    {
        null or "visible" => WaitForSelectorState.Visible,
        "hidden" => WaitForSelectorState.Hidden,
        "attached" => WaitForSelectorState.Attached,
        "detached" => WaitForSelectorState.Detached,
        var other => throw new StepFailedException($"step {step.Name}: parameter 'state' ('{other}') must be visible, hidden, attached or detached"),
    };

    internal static bool IsRegex(string pattern, out Regex regex)
    {
        if (pattern.Length > 2 && pattern[0] == '/' && pattern[^1] == '/')
        {
            regex = new Regex(pattern[1..^1], RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }

        regex = null!;
        return false;
    }

    private static async Task WaitAsync(Task wait, string timeoutMessage)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException ex)
        {
            throw new WebStepException(timeoutMessage, ex);
        }
    }
}
