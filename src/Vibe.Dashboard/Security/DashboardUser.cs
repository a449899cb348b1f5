using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Vibe.Dashboard.Security;

/// <summary>Who makes a request, as the access check left it on the request: their name, and whether they may act.</summary>
public sealed record DashboardUser(string Name, bool IsOperator, bool SignedIn)
{
    public const string OperatorRole = "operator";
    public const string ViewerRole = "viewer";

    /// <summary>The claim that says a principal came from the local-only mode (no users configured).</summary>
    public const string LocalClaim = "vibe:local";

    public static DashboardUser Of(HttpContext http)
    {
        var principal = http.User;
        var name = principal.Identity?.Name ?? "anonymous";
        return new DashboardUser(name, principal.IsInRole(OperatorRole), principal.Identity?.IsAuthenticated == true && !principal.HasClaim(LocalClaim, "true") && principal.Identity.AuthenticationType == "vibe-cookie");
    }

    public static ClaimsPrincipal Principal(string name, string role, string authenticationType, bool local = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (local)
        {
            claims.Add(new Claim(LocalClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
