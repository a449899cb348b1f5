using System.Net;
using Microsoft.AspNetCore.Http;

namespace Vibe.Dashboard.Security;

/// <summary>
/// Decides who a request is before any page or API answers:
/// <list type="bullet">
/// <item>no users configured: local requests only (loopback), as the machine's own operator; others get 403;</item>
/// <item>users configured: the sign-in cookie for pages, a bearer token (read-only) for /api; without either, pages
/// redirect to the sign-in form and /api answers 401.</item>
/// </list>
/// The static files and the sign-in form are open.
/// </summary>
internal sealed class AccessCheck(RequestDelegate next, UserDirectory users)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/static") || path.StartsWithSegments("/signin"))
        {
            await next(http);
            return;
        }

        var api = path.StartsWithSegments("/api");
        if (!users.HasUsers)
        {
            if (!IsLocal(http))
            {
                await RefuseAsync(http, StatusCodes.Status403Forbidden, "this dashboard has no users: it answers local requests only (add one with `vibe dashboard add-user`)");
                return;
            }

            http.User = DashboardUser.Principal($"{Environment.UserName} (local)", DashboardUser.OperatorRole, "vibe-local", local: true);
            await next(http);
            return;
        }

        if (http.User.Identity?.IsAuthenticated == true && http.User.Identity.Name is { } name)
        {
            // A removed user's cookie stops working; a changed role applies at once.
            if (users.RoleOf(name) is { } role)
            {
                http.User = DashboardUser.Principal(name, role, "vibe-cookie");
                await next(http);
                return;
            }
        }

        if (api && http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && users.FindToken(header["Bearer ".Length..].Trim()) is { } tokenName)
        {
            // Tokens read; they never act (the API has no POST).
            http.User = DashboardUser.Principal("token:" + tokenName, DashboardUser.ViewerRole, "vibe-token");
            await next(http);
            return;
        }

        if (api || !HttpMethods.IsGet(http.Request.Method))
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "sign in first (or send an API token: Authorization: Bearer ...)");
            return;
        }

        http.Response.Redirect("/signin?return=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
    }

    private static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static Task RefuseAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync("refused: " + message + "\n");
    }
}
