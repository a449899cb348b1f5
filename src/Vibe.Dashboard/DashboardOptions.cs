namespace Vibe.Dashboard;

/// <summary>How the dashboard is served (`vibe dashboard --urls`, VIBE_DASHBOARD_URLS for `vibe start-service`).</summary>
public sealed class DashboardOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The addresses to listen on, separated by ';'.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Where the dashboard's users and API tokens are kept (a private file in the data folder).</summary>
    public required string UsersFile { get; init; }

    /// <summary>Where the keys that protect the sign-in and antiforgery cookies are kept, so they outlive a restart.</summary>
    public required string KeysDirectory { get; init; }

    /// <summary>A service whose heartbeat is older than this is not shown as live.</summary>
    public TimeSpan StaleAfter { get; set; } = Application.Services.ServiceLiveness.StaleAfter;
}
