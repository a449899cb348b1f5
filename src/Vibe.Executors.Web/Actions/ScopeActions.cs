using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "frame", "selector": "#payment"}: the following steps act inside that iframe (a second frame action
/// enters an iframe within it); {"action": "frame"} without a selector returns to the page itself. goto and tab
/// also return to the page.
/// </summary>
internal sealed class FrameAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("frame", "Act inside an iframe in the following steps (no selector: back to the page)",
    [
        Selector("selector", "the iframe (none: back to the page)"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        if (step.Selector is not { } selector)
        {
            step.Scope.LeaveFrames();
            step.Log("back to the page");
            return;
        }

        // Fail here, on the step that names the frame, rather than on the next step that looks inside it.
        await step.Element().WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = step.Timeout });
        step.Scope.EnterFrame(selector);
        step.Log($"acting{step.Scope.Where}");
    }
}

/// <summary>
/// Switches the tab the following steps act in:
/// {"action": "tab", "selector": "text=Open invoice"} clicks and switches to the tab or popup it opens;
/// {"action": "tab", "url": "**/invoice*"} switches to the open tab whose address matches (waiting for it);
/// {"action": "tab", "index": 0} switches to a tab by position (0 = the first);
/// {"action": "tab"} switches to the newest other tab, waiting for one to open;
/// "close": true closes the current tab first (a popup that is done).
/// </summary>
internal sealed class TabAction : IWebAction
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public ActionDescriptor Descriptor { get; } = new("tab", "Switch to another tab or popup (the one a click opens, by URL, by index, or the newest)",
    [
        Selector("selector", "click this element and switch to the tab it opens"),
        Text("url", "switch to the open tab whose address matches this glob or /regular expression/"),
        Integer("index", "switch to the tab at this position, 0 being the first", 0, 1000),
        Boolean("close", "close the current tab first").DefaultsTo("false"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var context = step.Scope.Context;
        var current = step.Page;
        var timeout = (float)step.EffectiveTimeout.TotalMilliseconds;
        if (step.Parameters.GetBool("close", false))
        {
            await current.CloseAsync();
            step.Log("closed the tab");
        }

        IPage target;
        if (step.Selector is not null)
        {
            var element = step.Element();
            target = await ClickExpecting.EventAsync(
                step,
                "opened no tab",
                () => context.RunAndWaitForPageAsync(
                    () => element.ClickAsync(new LocatorClickOptions { Timeout = step.Timeout }),
                    new BrowserContextRunAndWaitForPageOptions { Timeout = timeout }));
        }
        else if (step.Parameters.GetOptionalString("url") is { } url)
        {
            target = await FindAsync(step, page => Matches(page.Url, url), $"no tab's address matches '{url}'", cancellationToken);
        }
        else if (step.Parameters.GetOptionalDouble("index") is { } index)
        {
            var pages = context.Pages.Where(page => !page.IsClosed).ToList();
            target = index >= 0 && index < pages.Count
                ? pages[(int)index]
                : throw new WebStepException($"there is no tab {index} (tabs open: {pages.Count}, the first is 0)");
        }
        else if (current.IsClosed && context.Pages.LastOrDefault(page => !page.IsClosed) is { } remaining)
        {
            target = remaining;
        }
        else
        {
            target = await FindAsync(step, page => page != current, "no other tab opened", cancellationToken);
        }

        await target.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = timeout });
        await target.BringToFrontAsync();
        step.Scope.SwitchTo(target);
        step.Log($"switched to tab {target.Url}");
    }

    private static async Task<IPage> FindAsync(WebStep step, Func<IPage, bool> wanted, string failure, CancellationToken cancellationToken)
    {
        var deadline = step.Context.Time.GetTimestamp();
        while (true)
        {
            if (step.Scope.Context.Pages.LastOrDefault(page => !page.IsClosed && wanted(page)) is { } page)
            {
                return page;
            }

            if (step.Context.Time.GetElapsedTime(deadline) >= step.EffectiveTimeout)
            {
                throw new WebStepException($"{failure} within {WebStep.Format(step.EffectiveTimeout)}");
            }

            await Task.Delay(PollInterval, step.Context.Time, cancellationToken);
        }
    }

    private static bool Matches(string address, string pattern)
    {
        if (WaitForAction.IsRegex(pattern, out var regex))
        {
            return regex.IsMatch(address);
        }

        return Glob.Matches(address, pattern);
    }
}
