using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Errors;
using Vibe.Dashboard.Components;
using Vibe.Dashboard.Endpoints;
using Vibe.Dashboard.Security;
using Vibe.Domain.Common;

namespace Vibe.Dashboard;

/// <summary>The dashboard's one registration and its one pipeline; the host composes them with vibe's layers.</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddVibeDashboard(this IServiceCollection services, DashboardOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(provider => new UserDirectory(options.UsersFile, provider.GetRequiredService<TimeProvider>()));
        services.AddRazorComponents();
        services.AddDataProtection().SetApplicationName("vibe-dashboard").PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "vibe-antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(SignIn.Scheme).AddCookie(SignIn.Scheme, cookie =>
        {
            cookie.Cookie.Name = "vibe-session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
            cookie.Events = new CookieAuthenticationEvents
            {
                // AccessCheck decides; the cookie handler only reads the cookie and never redirects by itself.
                OnRedirectToLogin = context => Task.CompletedTask,
                OnRedirectToAccessDenied = context => Task.CompletedTask,
            };
        });
        services.AddOpenApi("v1", openApi => openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        return services;
    }

    public static WebApplication UseVibeDashboard(this WebApplication app)
    {
        app.Use(ReportErrorsAsync);
        app.UseAuthentication();
        app.UseMiddleware<AccessCheck>();
        app.MapOpenApi("/api/openapi.json");
        StaticFiles.Map(app);
        SignIn.Map(app);
        Pages.Map(app);
        LiveLog.Map(app);
        Evidence.Map(app);
        Actions.Map(app);
        Api.Map(app);
        return app;
    }

    /// <summary>The one place where the use cases' errors become HTTP answers: 404, 400, 409, 503; never a stack trace.</summary>
    private static async Task ReportErrorsAsync(HttpContext http, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is VibeException or DomainException or BadHttpRequestException)
        {
            var (status, message) = ex switch
            {
                VibeException { Kind: VibeErrorKind.NotFound } => (StatusCodes.Status404NotFound, ex.Message),
                VibeException { Kind: VibeErrorKind.Invalid } => (StatusCodes.Status400BadRequest, ex.Message),
                VibeException { Kind: VibeErrorKind.Conflict } or DomainException => (StatusCodes.Status409Conflict, ex.Message),
                BadHttpRequestException bad => (bad.StatusCode, bad.Message),
                _ => (StatusCodes.Status503ServiceUnavailable, ex.Message),
            };
            http.Response.Clear();
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                http.Response.StatusCode = status;
                await http.Response.WriteAsJsonAsync(new { error = message, status });
                return;
            }

            var page = new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<ErrorPage>(new { Chrome = Pages.Chrome(http), Title = status == 404 ? "Not found" : "Refused", Message = message })
            {
                StatusCode = status,
                PreventStreamingRendering = true,
            };
            await page.ExecuteAsync(http);
        }
    }
}
