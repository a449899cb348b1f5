using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vibe.Dashboard.Endpoints;

/// <summary>The stylesheet and the small script, embedded in this assembly: nothing is fetched from elsewhere.</summary>
internal static class StaticFiles
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/static/{name}", (string name) =>
        {
            var stream = typeof(StaticFiles).Assembly.GetManifestResourceStream("static/" + name);
            if (stream is null)
            {
                return Results.NotFound();
            }

            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "application/json";
            return Results.Stream(stream, type);
        });
    }
}
