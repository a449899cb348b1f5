using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vibe.Dashboard.Tests;

/// <summary>
/// The control room as an operator uses it: the real `vibe dashboard` over HTTP, the real `vibe start-service`
/// executing the runs, the SQLite store of the folder, and Chromium clicking the buttons.
/// </summary>
public class DashboardTests
{
    private static readonly string LocalUser = $"{Environment.UserName} (local)";

    [Fact]
    public async Task A_failed_web_runs_screenshot_is_shown_inline_on_its_page()
    {
        await using var world = new DashboardWorld(Robots.Json);
        world.Files.WriteFile("portal.html", Robots.Portal);
        var failed = await world.CliAsync("run-now", "portal-check");
        Assert.True(failed.ExitCode == 1, failed.ToString());
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        await page.GotoAsync("/runs/1");

        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Failed");
        var shot = page.Locator("img#screenshot");
        await Expect(shot).ToBeVisibleAsync();
        var width = await shot.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(width > 100, $"the screenshot did not load (natural width {width})\n{world.Report()}");
        await Expect(page.Locator("#files")).ToContainTextAsync("evidence/page.html");
        await Expect(page.Locator("#files")).ToContainTextAsync("show-trace");
        var html = await page.APIRequest.GetAsync("/runs/1/files/evidence/page.html");
        Assert.Contains("Invoice portal", await html.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pausing_a_robot_records_its_next_fire_time_Skipped_paused_and_resuming_runs_it_again()
    {
        await using var world = new DashboardWorld(Robots.Json);
        await world.StartServiceAsync();
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        await page.GotoAsync("/robots/ticker");
        await page.Locator("input[name=reason]").FillAsync("month-end closing");
        await page.ClickAsync("button[data-action=Pause]");
        await Expect(page.Locator("#notice")).ToContainTextAsync("ticker paused");
        await Expect(page.Locator("#pause-state")).ToContainTextAsync($"paused by {LocalUser}: month-end closing");

        var skipped = await EventuallyAsync(page, "/api/runs?robot=ticker&status=Skipped", runs => runs.Any(run => (string?)run!["error"] == "paused"), world);
        var pausedAt = skipped.Where(run => (string?)run!["error"] == "paused").Max(run => (DateTime)run!["scheduledFireTime"]!);
        await page.GotoAsync("/robots/ticker");
        await Expect(page.Locator("#recent")).ToContainTextAsync("paused");

        await page.ClickAsync("button[data-action=Resume]");
        await Expect(page.Locator("#notice")).ToContainTextAsync("ticker resumed");
        await EventuallyAsync(
            page,
            "/api/runs?robot=ticker&status=Succeeded",
            runs => runs.Any(run => (DateTime?)run!["scheduledFireTime"] > pausedAt),
            world);
    }

    [Fact]
    public async Task A_robot_paused_until_a_time_a_few_seconds_ahead_resumes_by_itself()
    {
        await using var world = new DashboardWorld(Robots.Json);
        await world.StartServiceAsync();
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        await page.GotoAsync("/robots/ticker");
        // A time in the browser's own zone, as a person types it, far enough ahead to see the pause in force first.
        var until = await page.EvaluateAsync<string>(
            """
            () => {
              const at = new Date(Date.now() + 8000);
              const two = n => String(n).padStart(2, "0");
              return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
            }
            """);
        var untilUtc = await page.EvaluateAsync<string>("text => new Date(text).toISOString()", until);
        await page.Locator("input[name=until]").FillAsync(until);
        await page.Locator("input[name=reason]").FillAsync("short break");
        await page.ClickAsync("button[data-action=Pause]");
        await Expect(page.Locator("#notice")).ToContainTextAsync("ticker paused until");
        await Expect(page.Locator("#pause-state")).ToContainTextAsync("paused until");

        // Nobody resumes it: the page shows it unpaused once the time has passed, and the ticker fires again.
        await ReloadUntilAsync(page, "#pause-state", text => text.Trim() == "no", world);
        await Expect(page.Locator("#next-fire-times")).Not.ToContainTextAsync("skipped: paused");
        await Expect(page.Locator("button[data-action=Pause]")).ToBeVisibleAsync();
        var end = DateTime.Parse(untilUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        await EventuallyAsync(page, "/api/runs?robot=ticker&status=Succeeded", runs => runs.Any(run => (DateTime?)run!["scheduledFireTime"] >= end), world);
    }

    [Fact]
    public async Task Run_now_of_a_robot_pinned_to_a_host_that_is_not_alive_says_so_and_queues_nothing()
    {
        await using var world = new DashboardWorld(Robots.Json);
        world.Environment["VIBE_HOST_NAME"] = "robot-host-1";
        world.Environment["VIBE_HOST_LABELS"] = "office";
        await world.StartServiceAsync();
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        await page.GotoAsync("/robots/vault");
        await page.ClickAsync("button[data-action='Run now']");

        await Expect(page.Locator("#notice")).ToContainTextAsync("not run: no live vibe service may run 'vault' (pinned to \"hosts\": vault-host); live services: robot-host-1 [office]");
        Assert.EndsWith("/robots/vault", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var status = await world.CliAsync("status", "--json", "--robot", "vault");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Empty(JsonNode.Parse(status.Output)!.AsArray());

        // The robots page says which live hosts may run each robot.
        await page.GotoAsync("/robots");
        await Expect(page.Locator("tr[data-robot=vault] td.runners")).ToContainTextAsync("none alive");
        await Expect(page.Locator("tr[data-robot=vault] td.runners")).ToContainTextAsync("pinned: vault-host");
        await Expect(page.Locator("tr[data-robot=ticker] td.runners")).ToContainTextAsync("robot-host-1");

        // /api/hosts lists the live services with their labels.
        var hosts = JsonNode.Parse(await (await page.APIRequest.GetAsync("/api/hosts")).TextAsync())!.AsArray();
        var host = Assert.Single(hosts);
        Assert.Equal("robot-host-1", (string?)host!["host"]);
        Assert.Equal(["office"], host["labels"]!.AsArray().Select(label => (string?)label));
    }

    [Fact]
    public async Task Run_now_shows_the_live_log_until_the_run_Succeeded()
    {
        await using var world = new DashboardWorld(Robots.Json);
        await world.StartServiceAsync();
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        await page.GotoAsync("/robots/slow-hello");
        await page.ClickAsync("button[data-action='Run now']");

        // The page opened while the run was queued or running; its log grows by server-sent events before it ends.
        await Expect(page.Locator("#log")).ToContainTextAsync("hello from step one");
        var statusWhileFirstLine = await page.Locator("#run-status").TextContentAsync();
        Assert.True(statusWhileFirstLine is "Running" or "Pending", $"the live tail was not seen: the run was already {statusWhileFirstLine}\n{world.Report()}");
        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Succeeded");
        await Expect(page.Locator("#log")).ToContainTextAsync("hello from step three");
        await Expect(page.Locator("#summary")).ToContainTextAsync($"by {LocalUser}");
    }

    [Fact]
    public async Task Cancelling_a_long_run_stops_it_and_records_who_did()
    {
        await using var world = new DashboardWorld(Robots.Json);
        await world.StartServiceAsync();
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        await page.GotoAsync("/robots/sleeper");
        await page.ClickAsync("button[data-action='Run now']");
        await Expect(page.Locator("#log")).ToContainTextAsync("going to sleep");
        await page.ClickAsync("button[data-action=Cancel]");

        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("#run-error")).ToContainTextAsync($"cancelled by {LocalUser}");
    }

    [Fact]
    public async Task A_viewers_POST_is_refused_403_and_a_POST_without_the_antiforgery_token_400()
    {
        await using var world = new DashboardWorld(Robots.Json);
        Assert.Equal(0, (await world.CliWithInputAsync("viewer-pass-1", "dashboard", "add-user", "vera", "--role", "viewer")).ExitCode);
        Assert.Equal(0, (await world.CliWithInputAsync("operator-pass-1", "dashboard", "add-user", "otto", "--role", "operator")).ExitCode);
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        await page.GotoAsync("/robots");
        Assert.EndsWith("/signin?return=%2Frobots", page.Url, StringComparison.Ordinal);
        await SignInAsync(page, "vera", "viewer-pass-1");
        await Expect(page.Locator("header .who")).ToContainTextAsync("vera (viewer)");
        Assert.Equal(0, await page.Locator("button[data-action='Run now']").CountAsync());

        // The viewer's own page holds a valid token (the sign-out form); a forged "Run now" with it is still refused.
        var asViewer = await PostAsync(page, "/robots/ticker/run-now", withToken: true);
        Assert.Equal(403, asViewer);

        await page.ClickAsync("header button[type=submit]");
        await SignInAsync(page, "otto", "operator-pass-1");
        Assert.Equal(400, await PostAsync(page, "/robots/ticker/pause", withToken: false));
        Assert.False(await PausedAsync(world, "ticker"));
        Assert.Equal(200, await PostAsync(page, "/robots/ticker/pause", withToken: true));
        Assert.True(await PausedAsync(world, "ticker"));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_user_out()
    {
        await using var world = new DashboardWorld(Robots.Json);
        Assert.Equal(0, (await world.CliWithInputAsync("operator-pass-1", "dashboard", "add-user", "otto", "--role", "operator")).ExitCode);
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();
        await page.GotoAsync("/signin");
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(page, "otto", "wrong-password");
        }

        await SignInAsync(page, "otto", "operator-pass-1");
        await Expect(page.Locator("#problem")).ToContainTextAsync("locked out");
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, cookie => cookie.Name == "vibe-session");
        Assert.All(cookies, cookie => Assert.True(cookie.HttpOnly && cookie.SameSite == SameSiteAttribute.Strict, $"{cookie.Name} is not HttpOnly SameSite=Strict"));
    }

    [Fact]
    public async Task An_evidence_path_leading_outside_the_runs_folder_is_refused()
    {
        await using var world = new DashboardWorld(Robots.Json);
        world.Files.WriteFile("portal.html", Robots.Portal);
        await world.CliAsync("run-now", "portal-check");
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        foreach (var path in new[] { "..%2F..%2Fvibe.db", "evidence%2F..%2F..%2F..%2Fvibe.db", "%2Fetc%2Fpasswd" })
        {
            var response = await page.APIRequest.GetAsync($"/runs/1/files/{path}");
            var body = await response.TextAsync();
            Assert.True(response.Status is 400 or 404, $"{path}: {response.Status}");
            Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        }

        Assert.Equal(200, (await page.APIRequest.GetAsync("/runs/1/files/evidence/failure.txt")).Status);
    }

    [Fact]
    public async Task A_non_loopback_bind_without_users_refuses_to_start_and_names_the_command_that_adds_one()
    {
        await using var world = new DashboardWorld(Robots.Json);

        var refused = await world.CliAsync("dashboard", "--urls", $"http://0.0.0.0:{DashboardWorld.FreePort()}");

        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains("vibe dashboard add-user", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_what_status_json_prints_for_a_bearer_token()
    {
        await using var world = new DashboardWorld(Robots.Json);
        world.Files.WriteFile("portal.html", Robots.Portal);
        await world.CliAsync("run-now", "portal-check");
        await world.CliAsync("run-now", "ticker");
        Assert.Equal(0, (await world.CliWithInputAsync("operator-pass-1", "dashboard", "add-user", "otto", "--role", "operator")).ExitCode);
        var token = (await world.CliAsync("dashboard", "add-token", "reporting")).Output.Trim();
        await world.StartDashboardAsync();
        var page = await world.NewPageAsync();

        var anonymous = await page.APIRequest.GetAsync("/api/runs");
        Assert.Equal(401, anonymous.Status);
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        var api = await page.APIRequest.GetAsync("/api/runs", new APIRequestContextOptions { Headers = headers });
        var cli = await world.CliAsync("status", "--json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Output), JsonNode.Parse(await api.TextAsync())), $"/api/runs differs from status --json\n{await api.TextAsync()}\n{cli.Output}");

        var one = await page.APIRequest.GetAsync("/api/runs/1", new APIRequestContextOptions { Headers = headers });
        var cliOne = await world.CliAsync("status", "1", "--json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cliOne.Output), JsonNode.Parse(await one.TextAsync())), "/api/runs/1 differs from status 1 --json");
        var robots = await page.APIRequest.GetAsync("/api/robots", new APIRequestContextOptions { Headers = headers });
        var cliRobots = await world.CliAsync("list-robots", "--json");
        var apiRobots = JsonNode.Parse(await robots.TextAsync())!.AsArray();
        var listed = JsonNode.Parse(cliRobots.Output)!.AsArray();
        Assert.Equal(listed.Select(robot => (string?)robot!["name"]), apiRobots.Select(robot => (string?)robot!["name"]));
        Assert.Equal(listed.Select(robot => (bool)robot!["paused"]!), apiRobots.Select(robot => (bool)robot!["paused"]!));

        var openApi = await page.APIRequest.GetAsync("/api/openapi.json", new APIRequestContextOptions { Headers = headers });
        var paths = JsonNode.Parse(await openApi.TextAsync())!["paths"]!.AsObject().Select(pair => pair.Key).ToList();
        Assert.Contains("/api/runs", paths);
        Assert.Contains("/api/runs/{id}", paths);
        Assert.Contains("/api/robots", paths);
    }

    private static async Task<bool> PausedAsync(DashboardWorld world, string robot)
    {
        var listed = await world.CliAsync("list-robots", "--json");
        return (bool)JsonNode.Parse(listed.Output)!.AsArray().Single(node => (string?)node!["name"] == robot)!["paused"]!;
    }

    /// <summary>Reloads the page until an element's text says what is expected (the robot page does not refresh itself).</summary>
    private static async Task ReloadUntilAsync(IPage page, string selector, Func<string, bool> done, DashboardWorld world)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var text = await page.Locator(selector).TextContentAsync() ?? "";
            if (done(text))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"{selector} never showed what was expected; it says '{text}'\n{world.Report()}");
            }

            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.Locator("input[name=user]").FillAsync(user);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.ClickAsync("#signin button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>A form POST from the page itself (same origin, its cookies), with or without the page's antiforgery token.</summary>
    private static Task<int> PostAsync(IPage page, string path, bool withToken) =>
        page.EvaluateAsync<int>(
            """
            async ([path, withToken]) => {
              const field = document.querySelector("input[name=__RequestVerificationToken]");
              const body = new URLSearchParams();
              if (withToken && field) { body.append(field.name, field.value); }
              const response = await fetch(path, { method: "POST", body, redirect: "manual" });
              return response.type === "opaqueredirect" ? 200 : response.status;
            }
            """,
            new object[] { path, withToken });

    private static async Task<JsonArray> EventuallyAsync(IPage page, string url, Func<JsonArray, bool> done, DashboardWorld world)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var response = await page.APIRequest.GetAsync(url);
            var runs = JsonNode.Parse(await response.TextAsync())!.AsArray();
            if (done(runs))
            {
                return runs;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"{url} never showed what was expected:\n{runs}\n{world.Report()}");
            }

            await Task.Delay(250);
        }
    }
}
