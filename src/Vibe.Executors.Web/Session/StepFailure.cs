using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vibe.Application.Executors;
using Vibe.Executors.Web.Browser;

namespace Vibe.Executors.Web.Session;

/// <summary>
/// Turns what went wrong in a web step into the one message an operator reads: the step, what it looked for
/// (selector and frame), why it failed, and which page the browser was on (title and URL).
/// </summary>
internal static partial class StepFailure
{
    private static readonly TimeSpan TitleTimeout = TimeSpan.FromSeconds(2);

    public static async Task<StepFailedException> DescribeAsync(WebStep step, Exception error, ISecretMasker masker)
    {
        var problem = error switch
        {
            WebStepException web => web.Message,
            // Playwright reports its timeouts as System.TimeoutException.
            TimeoutException timeout => await DescribeTimeoutAsync(step, timeout),
            PlaywrightException playwright => DescribePlaywright(step, playwright),
            _ => $"{error.GetType().Name}: {error.Message}",
        };
        var message = $"step {step.Name}: {problem} ({await DescribePageAsync(step.Scope)})";
        return new StepFailedException(masker.Mask(message), error);
    }

    /// <summary>"page 'Dashboard' at http://…", or what can be said when the page is gone.</summary>
    public static async Task<string> DescribePageAsync(PageScope scope)
    {
        IPage page;
        try
        {
            page = scope.Page;
        }
        catch (PlaywrightException)
        {
            return "the browser is closed";
        }

        if (page.IsClosed)
        {
            return "the tab is closed";
        }

        string title;
        try
        {
            title = await page.TitleAsync().WaitAsync(TitleTimeout);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            title = "?";
        }

        var url = page.Url.Length <= 300 ? page.Url : page.Url[..300] + "...";
        return $"page '{title}' at {url}";
    }

    private static async Task<string> DescribeTimeoutAsync(WebStep step, TimeoutException timeout)
    {
        var waited = WebStep.Format(step.EffectiveTimeout);
        if (step.Selector is not { } selector)
        {
            return $"timed out after {waited}: {BrowserLauncher.FirstLine(timeout.Message)}";
        }

        var count = await CountAsync(step.Scope.Locator(selector));
        return count switch
        {
            0 => $"no element matches {step.Describe(selector)} (waited {waited})",
            > 1 => $"{count} elements match {step.Describe(selector)}; make the selector match one",
            _ => $"{step.Describe(selector)} was found but {LastWait(timeout.Message) ?? "did not become ready"} (waited {waited})",
        };
    }

    private static string DescribePlaywright(WebStep step, PlaywrightException error)
    {
        var reason = BrowserLauncher.FirstLine(error.Message);
        var strict = StrictViolation().Match(reason);
        if (strict.Success && step.Selector is { } selector)
        {
            return $"{strict.Groups[1].Value} elements match {step.Describe(selector)}; make the selector match one";
        }

        if (reason.StartsWith("Error: ", StringComparison.Ordinal))
        {
            reason = reason["Error: ".Length..];
        }

        return step.Selector is { } target ? $"{step.Describe(target)}: {reason}" : reason;
    }

    /// <summary>
    /// Playwright's call log ends with retries and pauses; the last line that is neither says what it was still
    /// waiting for ("element is not enabled", "&lt;div&gt; intercepts pointer events"), which says more than
    /// "Timeout 5000ms exceeded".
    /// </summary>
    private static string? LastWait(string message)
    {
        var last = message.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- ", StringComparison.Ordinal))
            .Select(line => line[2..])
            .LastOrDefault(line => !CallLogNoise().IsMatch(line));
        return last is null ? null : $"Playwright was still waiting: {last}";
    }

    [GeneratedRegex(@"resolved to (\d+) elements")]
    private static partial Regex StrictViolation();

    [GeneratedRegex(@"^(waiting \d+ms|waiting for |retrying |attempting |\d+ × |scrolling into view|done scrolling|element is visible, enabled and stable|locator resolved to |performing |navigations have finished)")]
    private static partial Regex CallLogNoise();

    private static async Task<int> CountAsync(ILocator locator)
    {
        try
        {
            return await locator.CountAsync().WaitAsync(TitleTimeout);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return 0;
        }
    }
}
