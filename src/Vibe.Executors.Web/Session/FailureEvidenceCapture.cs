using Microsoft.Playwright;
using Vibe.Application.Executors;
using Vibe.Domain.Runs;

namespace Vibe.Executors.Web.Session;

/// <summary>
/// Saves what the browser showed when a step failed: a full-page screenshot (fields holding secrets painted over),
/// the page's HTML and the Playwright trace (trace.zip, for the trace viewer) recorded since the session opened.
/// Each part is saved on its own, so a hung page still yields the trace and a closed browser still yields a clear
/// log line.
/// </summary>
internal static class FailureEvidenceCapture
{
    private static readonly TimeSpan PartTimeout = TimeSpan.FromSeconds(10);

    public static async Task<FailureEvidence> CaptureAsync(
        PageScope scope, bool tracing, ExecutorContext run, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        string? screenshot = null;
        var files = new List<string>();
        IPage? page = null;
        try
        {
            page = scope.Page;
        }
        catch (PlaywrightException ex)
        {
            run.Log.Write(RunLogLevel.Warning, null, $"no page to capture: {ex.Message}");
        }

        if (page is { IsClosed: false })
        {
            var screenshotPath = Path.Combine(folder, "screenshot.png");
            if (await TryAsync(run, "screenshot", () => page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true, Mask = scope.SecretFieldsOn(page) }), cancellationToken))
            {
                screenshot = screenshotPath;
            }

            var htmlPath = Path.Combine(folder, "page.html");
            if (await TryAsync(run, "page HTML", async () => await File.WriteAllTextAsync(htmlPath, run.Masker.Mask(await page.ContentAsync()), cancellationToken), cancellationToken))
            {
                files.Add(htmlPath);
            }
        }

        if (tracing)
        {
            var tracePath = Path.Combine(folder, "trace.zip");
            var saved = await TryAsync(
                run,
                "trace",
                async () =>
                {
                    await scope.Context.Tracing.StopAsync(new TracingStopOptions { Path = tracePath });
                    try
                    {
                        await TraceMasking.MaskAsync(tracePath, run.Masker, scope.HasSecretFields, cancellationToken);
                    }
                    catch
                    {
                        // An unmasked trace may hold a password: better no trace than a leaked secret.
                        File.Delete(tracePath);
                        throw;
                    }
                },
                cancellationToken);
            if (saved)
            {
                files.Add(tracePath);
            }
        }

        return new FailureEvidence(screenshot, files);
    }

    private static async Task<bool> TryAsync(ExecutorContext run, string what, Func<Task> save, CancellationToken cancellationToken)
    {
        try
        {
            await save().WaitAsync(PartTimeout, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is PlaywrightException or IOException or TimeoutException or InvalidDataException)
        {
            run.Log.Write(RunLogLevel.Warning, null, $"could not save the {what} for the evidence: {ex.Message.Split('\n')[0]}");
            return false;
        }
    }
}
