using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Notifications.ListOutbox;
using Vibe.Application.Overview.GetOverview;
using Vibe.Application.Robots.GetRobotHistory;
using Vibe.Application.Robots.ListRobots;
using Vibe.Application.Runs.GetEvidenceFile;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.ListRuns;
using Vibe.Application.Runs.TailRunLog;
using Vibe.Dashboard.Components;
using Vibe.Dashboard.Security;
using Vibe.Domain.Runs;

namespace Vibe.Dashboard.Endpoints;

/// <summary>The pages: each asks its use cases, then renders a component with what they answered.</summary>
internal static class Pages
{
    private const int PageSize = 50;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext http, IMediator mediator, DashboardOptions options, TimeProvider time) =>
        {
            var report = await mediator.Send(new GetOverview(options.StaleAfter, TimeSpan.FromHours(24)), http.RequestAborted);
            var since = (time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(24)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            return Render<OverviewPage>(new { Chrome = Chrome(http), Report = report, Since = since });
        });

        app.MapGet("/runs", async (HttpContext http, IMediator mediator, string? robot, string? status, string? trigger, string? host, string? from, string? to, long? before) =>
        {
            var filter = new ListRuns(PageSize + 1, Blank(robot))
            {
                Status = Parse<RunStatus>(status, "status"),
                Trigger = Parse<TriggerKind>(trigger, "trigger"),
                Host = Blank(host),
                From = Time(from, "from"),
                To = Time(to, "to"),
                BeforeId = before,
            };
            var runs = await mediator.Send(filter, http.RequestAborted);
            string? next = null;
            if (runs.Count > PageSize)
            {
                runs = runs.Take(PageSize).ToList();
                next = http.Request.Path + QueryString.Create(
                    http.Request.Query.Where(pair => pair.Key != "before").Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value.ToString()))
                        .Append(KeyValuePair.Create("before", (string?)Format.Id(runs[^1].Id))));
            }

            return Render<RunsPage>(new { Chrome = Chrome(http), Filter = filter, Runs = runs, NextPage = next });
        });

        app.MapGet("/runs/{id:long}", async (HttpContext http, IMediator mediator, Vibe.Application.Common.Interfaces.IHostIdentity host, long id) =>
        {
            var details = await mediator.Send(new GetRun(id, MaxLogLines: 1), http.RequestAborted);
            var log = await mediator.Send(new TailRunLog(id, 0, MaxLines: 10_000), http.RequestAborted);
            string? tree = null;
            if (details.Files.FirstOrDefault(file => file.Available && (file.Name.EndsWith("element-tree.txt", StringComparison.Ordinal) || file.Name.EndsWith("windows.txt", StringComparison.Ordinal))) is { } treeFile)
            {
                var content = await mediator.Send(new GetEvidenceFile(id, treeFile.Name), http.RequestAborted);
                tree = System.Text.Encoding.UTF8.GetString(await content.ReadAllBytesAsync(http.RequestAborted));
            }

            return Render<RunPage>(new { Chrome = Chrome(http), details.Run, details.Attempts, Log = log.Lines, details.Files, ElementTree = tree, ThisHost = host.HostName });
        });

        app.MapGet("/robots", async (HttpContext http, IMediator mediator) =>
            Render<RobotsPage>(new { Chrome = Chrome(http), Robots = await mediator.Send(new ListRobots(WithPauses: true) { WithRunners = true }, http.RequestAborted) }));

        app.MapGet("/robots/{name}", async (HttpContext http, IMediator mediator, string name) =>
            Render<RobotPage>(new { Chrome = Chrome(http), Robot = await mediator.Send(new GetRobotHistory(name), http.RequestAborted) }));

        app.MapGet("/outbox", async (HttpContext http, IMediator mediator) =>
            Render<OutboxPage>(new { Chrome = Chrome(http), Mails = await mediator.Send(new ListOutbox(), http.RequestAborted) }));
    }

    public static RazorComponentResult Render<TComponent>(object parameters)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(parameters) { PreventStreamingRendering = true };

    /// <summary>The chrome of a page for this request: the user, their role, a fresh antiforgery token, the notice.</summary>
    public static PageChrome Chrome(HttpContext http)
    {
        var user = DashboardUser.Of(http);
        var tokens = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(http);
        var notice = http.Request.Query["done"].ToString() is { Length: > 0 } done ? done : null;
        return new PageChrome(user.Name, user.IsOperator, user.SignedIn, tokens.FormFieldName, tokens.RequestToken ?? "", notice);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static T? Parse<T>(string? text, string name)
        where T : struct, Enum =>
        Blank(text) is not { } value ? null
        : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw Vibe.Application.Common.Errors.VibeException.Invalid($"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, not '{value}'");

    /// <summary>A datetime-local value is taken as UTC (the filter says so); an ISO time with an offset is converted.</summary>
    private static DateTime? Time(string? text, string name) =>
        Blank(text) is not { } value ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime
        : throw Vibe.Application.Common.Errors.VibeException.Invalid($"{name} must be a time (2026-12-01T08:00), not '{value}'");
}
