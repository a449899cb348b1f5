using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Runs.TailRunLog;
using Vibe.Dashboard.Components;
using Vibe.Domain.Runs;

namespace Vibe.Dashboard.Endpoints;

/// <summary>
/// The live tail of a run's log as server-sent events: once a second at most, one use-case call (the run's status and
/// its new lines) per open page; an "end" event with the final status closes it.
/// </summary>
internal static class LiveLog
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/runs/{id:long}/log/stream", async (HttpContext http, IServiceScopeFactory scopes, TimeProvider time, long id, long? after) =>
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            var last = after ?? 0;
            var token = http.RequestAborted;
            try
            {
                while (!token.IsCancellationRequested)
                {
                    RunLogTail tail;
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        tail = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TailRunLog(id, last), token);
                    }

                    foreach (var line in tail.Lines)
                    {
                        last = line.Id;
                        var data = JsonSerializer.Serialize(new { id = line.Id, level = line.Level.ToString(), text = RunPage.Line(line) });
                        await http.Response.WriteAsync($"event: line\ndata: {data}\n\n", token);
                    }

                    if (tail.Status.IsFinished())
                    {
                        await http.Response.WriteAsync($"event: end\ndata: {tail.Status}\n\n", token);
                        break;
                    }

                    await http.Response.Body.FlushAsync(token);
                    await Task.Delay(Interval, time, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The page was closed.
            }
        });
    }
}
