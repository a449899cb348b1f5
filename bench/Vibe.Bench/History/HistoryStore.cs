using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vibe.Bench.Harness;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Bench.History;

/// <summary>
/// A config folder (.env naming the database, robots.json) whose store has vibe's real schema, applied by
/// `vibe db migrate` as a user would; plus vibe's composition root built in this process over the same folder.
/// </summary>
internal sealed class HistoryStore : IAsyncDisposable
{
    private HistoryStore(string provider, string folder, string connection, ServiceProvider services, CommandCapture capture)
    {
        Provider = provider;
        Folder = folder;
        Connection = connection;
        Services = services;
        Capture = capture;
    }

    /// <summary>sqlite or postgres (VIBE_DB_PROVIDER).</summary>
    public string Provider { get; }

    /// <summary>The config folder: the CLI runs with it as working directory.</summary>
    public string Folder { get; }

    public string Connection { get; }

    public ServiceProvider Services { get; }

    public CommandCapture Capture { get; }

    public bool IsSqlite => Provider == DatabaseProviders.Sqlite;

    /// <summary>Writes the folder and migrates its store with the published vibe; the in-process vibe is built by <see cref="Open"/>.</summary>
    public static async Task PrepareAsync(BenchEnvironment environment, string provider, string folder, string connection, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, ".env"), $"VIBE_DB_PROVIDER={provider}\nVIBE_DB_CONNECTION={connection}\n", ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "robots.json"), HistoryData.RobotsJson(), ct);
        var migrate = await ChildProcess.RunAsync("dotnet", [environment.VibeDll, "db", "migrate"], folder, null, ct);
        if (migrate.ExitCode != 0)
        {
            throw new InvalidOperationException($"vibe db migrate failed ({provider}, exit {migrate.ExitCode}): {migrate.Output}");
        }
    }

    /// <summary>vibe's services over the folder, as the CLI builds them, with the command capture added to its DbContext.</summary>
    public static HistoryStore Open(string provider, string folder, string connection)
    {
        // Only the folder's .env counts, not this process's environment.
        var none = new Dictionary<string, string>();
        var settings = VibeSettings.Load(folder, none.GetValueOrDefault, none.Keys);
        var capture = new CommandCapture();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddVibe(settings);
        if (provider == DatabaseProviders.Sqlite)
        {
            services.ConfigureDbContext<SqliteVibeDbContext>(options => options.AddInterceptors(capture));
        }
        else
        {
            services.ConfigureDbContext<PostgresVibeDbContext>(options => options.AddInterceptors(capture));
        }

        var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new HistoryStore(provider, folder, connection, built, capture);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
