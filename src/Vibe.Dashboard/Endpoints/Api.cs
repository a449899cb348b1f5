using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vibe.Application.Robots.ListRobots;
using Vibe.Application.Runs;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.ListRuns;
using Vibe.Application.Services.GetServiceStatus;
using Vibe.Domain.Runs;

namespace Vibe.Dashboard.Endpoints;

/// <summary>
/// The read-only JSON API for other tools, in the shapes of the CLI's --json (RunDocument, RobotDocument), described
/// by OpenAPI at /api/openapi.json. Signed-in users and bearer tokens (`vibe dashboard add-token`) may read it.
/// </summary>
internal static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("vibe");

        api.MapGet("/runs", async Task<JsonHttpResult<IEnumerable<RunDocument>>> (IMediator mediator, HttpContext http, int? limit, string? robot, RunStatus? status) =>
        {
            var runs = await mediator.Send(new ListRuns(limit ?? 20, string.IsNullOrWhiteSpace(robot) ? null : robot) { Status = status }, http.RequestAborted);
            return TypedResults.Json(runs.Select(RunDocument.From), Json);
        }).WithName("ListRuns").WithSummary("The latest runs, newest first (as `vibe status --json`)");

        api.MapGet("/runs/{id:long}", async Task<JsonHttpResult<RunDetailsDocument>> (IMediator mediator, HttpContext http, long id) =>
        {
            var details = await mediator.Send(new GetRun(id), http.RequestAborted);
            return TypedResults.Json(RunDetailsDocument.From(details), Json);
        }).WithName("GetRun").WithSummary("One run with its log and attempts (as `vibe status <id> --json`)");

        api.MapGet("/robots", async Task<JsonHttpResult<IEnumerable<RobotDocument>>> (IMediator mediator, HttpContext http) =>
        {
            var robots = await mediator.Send(new ListRobots(WithPauses: true), http.RequestAborted);
            return TypedResults.Json(robots.Select(RobotDocument.From), Json);
        }).WithName("ListRobots").WithSummary("The declared robots with their next fire times and pauses (as `vibe list-robots --json`)");

        api.MapGet("/hosts", async Task<JsonHttpResult<IReadOnlyList<ServiceStatus>>> (IMediator mediator, HttpContext http) =>
            TypedResults.Json(await mediator.Send(new GetServiceStatus(), http.RequestAborted), Json))
            .WithName("ListHosts").WithSummary("The live services (by heartbeat) with their host names and labels, as `vibe status` lists them");
    }
}
