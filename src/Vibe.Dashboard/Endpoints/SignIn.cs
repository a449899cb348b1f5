using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Vibe.Dashboard.Components;
using Vibe.Dashboard.Security;

namespace Vibe.Dashboard.Endpoints;

/// <summary>Cookie sign-in and sign-out against the users of `vibe dashboard add-user`.</summary>
internal static class SignIn
{
    public const string Scheme = "vibe-cookie";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext http, IAntiforgery antiforgery, string? @return) => Form(http, antiforgery, @return, null));

        app.MapPost("/signin", async (HttpContext http, IAntiforgery antiforgery, UserDirectory users, ILoggerFactory logs) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Text("refused: the form's antiforgery token is missing or invalid (reload the page and try again)", statusCode: StatusCodes.Status400BadRequest);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var name = form["user"].ToString();
            var back = LocalPath(form["return"].ToString());
            var result = users.SignIn(name, form["password"].ToString());
            var log = logs.CreateLogger("Vibe.Dashboard");
            switch (result.Outcome)
            {
                case SignInOutcome.SignedIn:
                    await http.SignInAsync(Scheme, DashboardUser.Principal(name, result.Role!, Scheme));
                    return Results.Redirect(back);
                case SignInOutcome.LockedOut:
                    DashboardLog.LockedOut(log, name, result.LockedUntil!.Value);
                    return Form(http, antiforgery, back, $"too many failed sign-ins: {name} is locked out until {Format.Time(result.LockedUntil)}");
                default:
                    DashboardLog.SignInRefused(log, name, http.Connection.RemoteIpAddress?.ToString() ?? "?");
                    return Form(http, antiforgery, back, "wrong user or password");
            }
        });

        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Text("refused: the form's antiforgery token is missing or invalid", statusCode: StatusCodes.Status400BadRequest);
            }

            await http.SignOutAsync(Scheme);
            return Results.Redirect("/signin");
        });
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? back, string? problem)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<SignInPage>(
            new { FormField = tokens.FormFieldName, FormToken = tokens.RequestToken ?? "", Return = LocalPath(back), Problem = problem })
        {
            PreventStreamingRendering = true,
            StatusCode = problem is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized,
        };
    }

    /// <summary>Only a path of this site: a return address elsewhere would make the form an open redirect.</summary>
    private static string LocalPath(string? back) =>
        back is { Length: > 0 } && back[0] == '/' && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/";
}
