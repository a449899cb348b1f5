using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "goto", "url": "https://example.org/login"}. A url without a scheme is a file path relative to
/// the robot file's folder, so a robot can open pages shipped beside it ("../samples/web/login.html").
/// </summary>
internal sealed class GotoAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("goto", "Open a URL (or a file relative to the robot file) in the current tab",
    [
        Text("url", "the address; without a scheme, a file path relative to the robot file's folder").IsRequired(),
        Choice("waitUntil", "when the page counts as loaded", "load", "domcontentloaded", "networkidle", "commit").DefaultsTo("load"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var url = Resolve(step, step.Parameters.GetString("url"));
        var waitUntil = step.Parameters.GetOptionalString("waitUntil")?.ToLowerInvariant() switch
        {
            null or "load" => WaitUntilState.Load,
            "domcontentloaded" => WaitUntilState.DOMContentLoaded,
            "networkidle" => WaitUntilState.NetworkIdle,
            "commit" => WaitUntilState.Commit,
            var other => throw new StepFailedException(
                $"step {step.Name}: parameter 'waitUntil' ('{other}') must be load, domcontentloaded, networkidle or commit"),
        };

        // Frames belong to the page being left; the new page starts at its top.
        step.Scope.LeaveFrames();
        var response = await step.Page.GotoAsync(url, new PageGotoOptions { WaitUntil = waitUntil, Timeout = step.Timeout });
        if (response is { Ok: false })
        {
            throw new WebStepException($"{url} answered {response.Status} {response.StatusText}");
        }

        step.Log($"opened {step.Page.Url}");
    }

    private static string Resolve(WebStep step, string url)
    {
        // "C:\pages\a.html" parses as a URI with scheme "c"; a real scheme is longer than a drive letter.
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1)
        {
            return url;
        }

        var path = step.ResolvePath(url);
        return File.Exists(path)
            ? new Uri(path).AbsoluteUri
            : throw new WebStepException($"'{url}' is not a URL and there is no file {path} (relative paths start from the robot file's folder)");
    }
}
