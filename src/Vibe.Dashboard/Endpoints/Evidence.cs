using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Vibe.Application.Runs.GetEvidenceFile;

namespace Vibe.Dashboard.Endpoints;

/// <summary>
/// A run's files (screenshot, page.html, trace.zip, element tree), only through this endpoint, only for a signed-in
/// user, and only inside the run's folder (GetEvidenceFile refuses anything else): from this host's folder, or the
/// store's copy for a run of another host. page.html is sent as a download with a sandboxing policy: it is the robot's
/// target site's markup, not ours.
/// </summary>
internal static class Evidence
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/runs/{id:long}/files/{**path}", async (HttpContext http, IMediator mediator, long id, string path) =>
        {
            var file = await mediator.Send(new GetEvidenceFile(id, Uri.UnescapeDataString(path)), http.RequestAborted);
            var type = Types.TryGetContentType(file.RelativePath, out var known) ? known : "application/octet-stream";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
            var inline = type.StartsWith("image/", StringComparison.Ordinal) || type == "text/plain";
            var download = inline ? null : Path.GetFileName(file.RelativePath);
            return file.FullPath is { } local ? Results.File(local, type, download) : Results.File(file.Content!, type, download);
        });
    }
}
