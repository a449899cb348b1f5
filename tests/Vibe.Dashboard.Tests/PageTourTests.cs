using Microsoft.Playwright;
using Vibe.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Vibe.Dashboard.Tests;

/// <summary>
/// `vibe start-service` with VIBE_DASHBOARD_URLS serves the control room from the service's own process. The tour
/// visits every page with real history behind it and saves the screenshots docs/dashboard.md shows.
/// </summary>
public class PageTourTests
{
    [Fact]
    public async Task The_service_serves_every_page_when_VIBE_DASHBOARD_URLS_is_set()
    {
        await using var world = new DashboardWorld(Robots.Json);
        world.Files.WriteFile("portal.html", Robots.Portal);
        var port = DashboardWorld.FreePort();
        world.Environment["VIBE_DASHBOARD_URLS"] = $"http://127.0.0.1:{port}";

        // Failure mails to a port where no SMTP server listens: the outbox keeps them with the error.
        world.Environment["VIBE_NOTIFY_TO"] = "ops@example.com";
        world.Environment["VIBE_SMTP_HOST"] = "127.0.0.1";
        world.Environment["VIBE_SMTP_FROM"] = "vibe@example.com";
        world.Environment["VIBE_SMTP_PORT"] = DashboardWorld.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var service = await world.StartServiceAsync();
        await WaitForAsync(service, "vibe dashboard listening on");
        world.UseBaseUrl($"http://127.0.0.1:{port}");

        var failed = await world.CliAsync("run-now", "portal-check", "--wait");
        Assert.True(failed.ExitCode == 1, failed + world.Report());
        Assert.Equal(0, (await world.CliAsync("run-now", "slow-hello", "--wait")).ExitCode);
        Assert.Equal(0, (await world.CliAsync("pause", "ticker", "--until", "1h", "--reason", "month-end closing")).ExitCode);

        var page = await world.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#hosts")).ToContainTextAsync(Environment.MachineName, new LocatorAssertionsToContainTextOptions { IgnoreCase = true });
        await Expect(page.Locator("#failing")).ToContainTextAsync("portal-check");
        await SaveAsync(page, "overview");

        await page.GotoAsync("/runs");
        await Expect(page.Locator("#runs")).ToContainTextAsync("slow-hello");
        await SaveAsync(page, "runs");

        await page.GotoAsync("/runs?robot=portal-check&status=Failed");
        await page.ClickAsync("#runs tr[data-run] td a >> nth=0");
        await Expect(page.Locator("img#screenshot")).ToBeVisibleAsync();
        await SaveAsync(page, "run");

        await page.GotoAsync("/robots");
        await Expect(page.Locator("#robots")).ToContainTextAsync("month-end closing");
        await SaveAsync(page, "robots");

        await page.GotoAsync("/robots/ticker");
        await Expect(page.Locator("#duration-chart")).ToBeVisibleAsync();
        await Expect(page.Locator("#next-fire-times")).ToContainTextAsync("skipped: paused");
        await SaveAsync(page, "robot");

        await page.GotoAsync("/outbox");
        await Expect(page.Locator("#outbox")).ToContainTextAsync("ops@example.com");
        await SaveAsync(page, "outbox");
    }

    private static async Task WaitForAsync(VibeServer server, string line)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!server.Output.Contains(line, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !server.HasExited, $"the service never said '{line}'\n{server.Output}");
            await Task.Delay(100);
        }
    }

    private static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.RepositoryRoot, "docs", $"dashboard-{name}.png"), FullPage = false });
}
