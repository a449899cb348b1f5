using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vibe.Application.Common.Errors;
using Vibe.Dashboard;
using Vibe.Dashboard.Security;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Host.Cli;

/// <summary>
/// `vibe dashboard [--urls URL]`: the control room in the foreground, on Kestrel, over the same use cases as the CLI.
/// Also started beside the service by `vibe start-service` when VIBE_DASHBOARD_URLS is set.
/// </summary>
internal static class DashboardRunner
{
    public const string UrlsSetting = "VIBE_DASHBOARD_URLS";
    private const string Usage = "usage: vibe dashboard [--urls <urls>] | vibe dashboard add-user <name> --role <viewer|operator> | remove-user <name> | add-token <name>";

    public static async Task<int> RunAsync(VibeSettings settings, string[] args)
    {
        try
        {
            var urls = ParseUrls(args);
            await using var app = Build(settings, urls);
            await PrepareAsync(app, settings);
            await app.RunAsync();
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, Console.Error);
        }
    }

    /// <summary>The web application: vibe's layers, the dashboard, Kestrel on <paramref name="urls"/>.</summary>
    public static WebApplication Build(VibeSettings settings, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = settings.Locations.ConfigDirectory, Args = [] });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);

        // The keys live in the private data folder (0700), which is their protection; no machine-wide key store.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.Services.AddVibe(settings);
        builder.Services.AddVibeDashboard(new DashboardOptions
        {
            Urls = urls,
            UsersFile = UsersFile(settings),
            KeysDirectory = Path.Combine(settings.Locations.DataDirectory, "dashboard-keys"),
        });
        var app = builder.Build();
        foreach (var url in Split(urls))
        {
            app.Urls.Add(url);
        }

        app.UseVibeDashboard();
        return app;
    }

    /// <summary>Refuses an open bind without users, readies the store, and says where the dashboard listens once it does.</summary>
    public static async Task PrepareAsync(WebApplication app, VibeSettings settings)
    {
        var users = app.Services.GetRequiredService<UserDirectory>();
        var urls = app.Services.GetRequiredService<DashboardOptions>().Urls;
        if (!users.HasUsers && Split(urls).FirstOrDefault(url => !IsLoopback(url)) is { } open)
        {
            throw VibeException.Invalid(
                $"the dashboard would listen on {open}, which other machines can reach, and it has no users; add one first: vibe dashboard add-user NAME --role operator");
        }

        await app.Services.GetRequiredService<DatabaseMigrator>().EnsureReadyAsync(CancellationToken.None);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("vibe");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            logger.LogInformation("vibe dashboard listening on {Urls}{Access}", string.Join(' ', addresses), users.HasUsers ? "" : " (local requests only: no users)");
        });
    }

    public static string UsersFile(VibeSettings settings) => Path.Combine(settings.Locations.DataDirectory, "dashboard-users.json");

    private static string ParseUrls(string[] args) => args switch
    {
        [] => DashboardOptions.DefaultUrls,
        ["--urls", var urls] when Split(urls).Count > 0 && Split(urls).All(url => Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") => urls,
        ["--urls", var urls] => throw new CommandLineException($"--urls must be http:// or https:// addresses separated by ';', not '{urls}'", Usage),
        ["--urls"] => throw new CommandLineException("--urls needs a value", Usage),
        [var other, ..] when other.StartsWith("--", StringComparison.Ordinal) && other != "--urls" => throw new CommandLineException($"unknown option '{other}' for 'dashboard'", Usage),
        _ => throw new CommandLineException($"unexpected argument '{string.Join(' ', args)}'", Usage),
    };

    private static List<string> Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool IsLoopback(string url)
    {
        var host = url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
