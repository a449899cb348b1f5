using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "download", "selector": "text=Export CSV", "saveAs": "report.csv", "variable": "report"}: clicks the
/// element, waits for the download it starts and saves it in the run's folder (under the site's file name when
/// "saveAs" is absent); the saved file's full path goes into "variable".
/// </summary>
internal sealed class DownloadAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("download", "Click an element and save the download it starts into the run folder",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        Text("saveAs", "the file name in the run folder (default: the site's)"),
        Variable("variable", "gets the saved file's full path"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var element = step.Element();
        var download = await ClickExpecting.EventAsync(
            step,
            "started no download",
            () => step.Page.RunAndWaitForDownloadAsync(
                () => element.ClickAsync(new LocatorClickOptions { Timeout = step.Timeout }),
                new PageRunAndWaitForDownloadOptions { Timeout = (float)step.EffectiveTimeout.TotalMilliseconds }));
        if (await download.FailureAsync() is { } failure)
        {
            throw new WebStepException($"the download of {download.SuggestedFilename} failed: {failure}");
        }

        var name = step.Parameters.GetOptionalString("saveAs") ?? SafeName(download.SuggestedFilename);
        var path = Unused(step.RunFile(name, "saveAs"));
        await download.SaveAsAsync(path);
        step.Store(path, "downloaded");
    }

    private static string SafeName(string suggested)
    {
        var name = Path.GetFileName(suggested);
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(invalid, '_');
        }

        return string.IsNullOrWhiteSpace(name) ? "download" : name;
    }

    /// <summary>report.csv, then report (2).csv: a second download of the same name keeps the first.</summary>
    private static string Unused(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        var candidate = path;
        for (var n = 2; File.Exists(candidate); n++)
        {
            candidate = Path.Combine(folder, $"{stem} ({n}){extension}");
        }

        return candidate;
    }
}

/// <summary>
/// {"action": "screenshot", "file": "invoice.png", "selector": "#invoice", "fullPage": true, "variable": "shot"}:
/// saves a PNG of the page (whole scrollable page by default) or of one element into the run's folder.
/// </summary>
internal sealed class ScreenshotAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("screenshot", "Save a screenshot of the page or an element into the run folder",
    [
        Selector("selector", "only this element (default: the page)"),
        Text("file", "the file name in the run folder").DefaultsTo("screenshot-step<n>.png"),
        Boolean("fullPage", "the whole scrollable page, not only what shows").DefaultsTo("true"),
        Variable("variable", "gets the saved file's full path"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var name = step.Parameters.GetOptionalString("file") ?? $"screenshot-step{step.Context.Step.Index + 1}.png";
        var path = step.RunFile(name, "file");
        if (step.Selector is not null)
        {
            await step.Element().ScreenshotAsync(new LocatorScreenshotOptions { Path = path, Timeout = step.Timeout, Mask = step.Scope.SecretFieldsOn(step.Page) });
        }
        else
        {
            await step.Page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = path,
                FullPage = step.Parameters.GetBool("fullPage", true),
                Timeout = step.Timeout,
                Mask = step.Scope.SecretFieldsOn(step.Page),
            });
        }

        step.Store(path, "screenshot");
    }
}
