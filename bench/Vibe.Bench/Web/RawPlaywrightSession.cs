using System.Diagnostics;
using Microsoft.Playwright;

namespace Vibe.Bench.Web;

/// <summary>
/// The floor: Microsoft.Playwright alone doing what a vibe web run does before its first step, with the same
/// browser and the launch options vibe gives every browser (docs/web.md), but nothing else: no browser search, no
/// settings, no trace, no run folder.
/// </summary>
internal static class RawPlaywrightSession
{
    public static IReadOnlyList<string> VibeArguments()
    {
        List<string> args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];
        if (OperatingSystem.IsLinux())
        {
            args.Add("--disable-dev-shm-usage");
            if (Environment.IsPrivilegedProcess)
            {
                args.Add("--no-sandbox");
            }
        }

        return args;
    }

    public static async Task<WebTiming> RunAsync(string browserPath, string url, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var playwright = await Playwright.CreateAsync().WaitAsync(ct);
        var driver = clock.Elapsed.TotalMilliseconds;
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = browserPath,
                Headless = true,
                Args = VibeArguments(),
                Timeout = 30_000,
            });
            var launched = clock.Elapsed.TotalMilliseconds;
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                AcceptDownloads = true,
            });
            var contextDone = clock.Elapsed.TotalMilliseconds;
            var page = await context.NewPageAsync();
            var pageDone = clock.Elapsed.TotalMilliseconds;
            var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response is { Ok: false })
            {
                throw new InvalidOperationException($"{url} answered {response.Status}");
            }

            var total = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await browser.CloseAsync();
            playwright.Dispose();
            return new WebTiming(total, clock.Elapsed.TotalMilliseconds, browser.Version)
            {
                Driver = driver,
                Launch = launched - driver,
                Context = contextDone - launched,
                Page = pageDone - contextDone,
                Goto = total - pageDone,
            };
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
