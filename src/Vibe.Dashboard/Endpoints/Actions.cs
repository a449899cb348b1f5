using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vibe.Application.Common.Errors;
using Vibe.Application.Robots.PauseRobot;
using Vibe.Application.Robots.ResumeRobot;
using Vibe.Application.Runs.CancelRun;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.PlaceRun;
using Vibe.Application.Runs.RerunTask;
using Vibe.Dashboard.Security;
using Vibe.Domain.Runs;

namespace Vibe.Dashboard.Endpoints;

/// <summary>
/// The operator's buttons: each a form POST checked against cross-site forgery, allowed to operators only, sent to
/// the same use case as the CLI's command with the signed-in user as its author, logged, then redirected (303) to
/// the page that shows the result.
/// </summary>
internal static class Actions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var actions = app.MapGroup("").AddEndpointFilter(GuardAsync);

        actions.MapPost("/robots/{name}/run-now", async (HttpContext http, IMediator mediator, string name) =>
        {
            var user = DashboardUser.Of(http);
            // The dashboard runs nothing itself: a run nobody alive may take is not queued, and the page says why.
            var placement = await mediator.Send(new PlaceRun(name, CanRunHere: false), http.RequestAborted);
            if (placement.Decision != Placement.Queue)
            {
                Log(http, user, $"run now {name}: refused, {placement.Reason}");
                return Done($"/robots/{placement.Robot}", $"not run: {placement.Reason}");
            }

            var run = await mediator.Send(new EnqueueRun(placement.Robot, TriggerKind.Manual) { RequestedBy = user.Name }, http.RequestAborted);
            Log(http, user, $"run now {name}: run {run.Id}");
            return Done($"/runs/{run.Id}", $"run {run.Id} of {placement.Robot} queued by {user.Name} for {placement.EligibleText}");
        });

        actions.MapPost("/runs/{id:long}/rerun", async (HttpContext http, IMediator mediator, long id) =>
        {
            var user = DashboardUser.Of(http);
            var original = await mediator.Send(new GetRun(id), http.RequestAborted);
            var placement = await mediator.Send(new PlaceRun(original.Run.Robot, CanRunHere: false), http.RequestAborted);
            if (placement.Decision != Placement.Queue)
            {
                Log(http, user, $"rerun {id}: refused, {placement.Reason}");
                return Done($"/runs/{id}", $"not rerun: {placement.Reason}");
            }

            var run = await mediator.Send(new RerunTask(id) { RequestedBy = user.Name }, http.RequestAborted);
            Log(http, user, $"rerun {id}: run {run.Id}");
            return Done($"/runs/{run.Id}", $"run {run.Id} reruns run {id}, queued for {placement.EligibleText}");
        });

        actions.MapPost("/runs/{id:long}/cancel", async (HttpContext http, IMediator mediator, long id) =>
        {
            var user = DashboardUser.Of(http);
            var outcome = await mediator.Send(new CancelRun(id, user.Name), http.RequestAborted);
            Log(http, user, $"cancel {id}");
            return Done($"/runs/{id}", outcome.Withdrawn ? $"run {id} withdrawn: it was still queued" : $"cancel of run {id} requested; its host stops it within seconds");
        });

        actions.MapPost("/robots/{name}/pause", async (HttpContext http, IMediator mediator, TimeProvider time, string name) =>
        {
            var user = DashboardUser.Of(http);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var until = Until(form["until"].ToString(), form["offset"].ToString());
            var reason = form["reason"].ToString();
            var state = await mediator.Send(new PauseRobot(name, until, string.IsNullOrWhiteSpace(reason) ? null : reason, user.Name), http.RequestAborted);
            Log(http, user, $"pause {name}" + (until is { } u ? $" until {u:O}" : ""));
            return Done($"/robots/{state.Robot}", state.PausedUntil is { } end ? $"{state.Robot} paused until {Format.Time(end)}" : $"{state.Robot} paused");
        });

        actions.MapPost("/robots/{name}/resume", async (HttpContext http, IMediator mediator, string name) =>
        {
            var user = DashboardUser.Of(http);
            var outcome = await mediator.Send(new ResumeRobot(name, user.Name), http.RequestAborted);
            Log(http, user, $"resume {name}");
            return Done($"/robots/{outcome.Robot}", outcome.WasPaused ? $"{outcome.Robot} resumed" : $"{outcome.Robot} was not paused");
        });
    }

    /// <summary>Antiforgery first (a forged POST learns nothing), then the role: a viewer may look, not act.</summary>
    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Text("refused: the form's antiforgery token is missing or invalid (reload the page and try again)", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!DashboardUser.Of(http).IsOperator)
        {
            return Results.Text("refused: viewers may not act; an operator may", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private static SeeOther Done(string page, string notice) => new($"{page}?done={Uri.EscapeDataString(notice)}");

    /// <summary>A datetime-local value in the browser's time zone (offset in minutes east of UTC; the server's zone without it).</summary>
    private static DateTime? Until(string text, string offset)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw VibeException.Invalid($"until must be a time (2026-12-24T18:00), not '{text}'");
        }

        return int.TryParse(offset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)
            ? DateTime.SpecifyKind(local - TimeSpan.FromMinutes(minutes), DateTimeKind.Utc)
            : DateTime.SpecifyKind(local, DateTimeKind.Local).ToUniversalTime();
    }

    private static void Log(HttpContext http, DashboardUser user, string action) =>
        DashboardLog.Action(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Vibe.Dashboard"), user.Name, action);

    /// <summary>303 See Other: the browser follows a POST's answer with a GET.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
