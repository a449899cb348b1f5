using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Bench.Harness;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Bench.Subjects;

/// <summary>
/// A vibe installation for one figure: a configuration folder (robots.json + .env) on SQLite or a fresh PostgreSQL
/// database, the published vibe started as real service processes, and vibe's own composition root in this process
/// for queueing runs the way `vibe run-now` does.
/// </summary>
internal sealed class VibeWorkspace : IAsyncDisposable
{
    private readonly BenchEnvironment _environment;
    private readonly List<Process> _services = [];
    private ServiceProvider? _inProcess;

    private VibeWorkspace(BenchEnvironment environment, string directory, string? database, Dictionary<string, string> settings)
    {
        _environment = environment;
        Directory = directory;
        Database = database;
        Settings = settings;
    }

    public string Directory { get; }

    /// <summary>The PostgreSQL database's name, or null on SQLite.</summary>
    public string? Database { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public IReadOnlyList<Process> Services => _services;

    /// <summary>A workspace with these robots, on a fresh PostgreSQL database (database given) or on SQLite.</summary>
    public static async Task<VibeWorkspace> CreateAsync(BenchEnvironment environment, string name, string robotsJson, string? postgresDatabase, CancellationToken ct)
    {
        var directory = Path.Combine(environment.Work, name);
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "robots.json"), robotsJson, ct);
        var settings = new Dictionary<string, string>();
        if (postgresDatabase is not null)
        {
            settings["VIBE_DB_PROVIDER"] = "postgres";
            settings["VIBE_DB_CONNECTION"] = await environment.Postgres.CreateDatabaseAsync(postgresDatabase, ct);
        }

        var workspace = new VibeWorkspace(environment, directory, postgresDatabase, settings);
        var (_, exit, output) = await workspace.RunCliAsync(["db", "migrate"], ct);
        if (exit != 0)
        {
            throw new InvalidOperationException("vibe db migrate failed: " + output);
        }

        return workspace;
    }

    /// <summary>One robot with a single shared `log` step: what vibe adds around a robot, and nothing else.</summary>
    public static string NoOpRobots(int count = 1, string? cron = null)
    {
        var robots = Enumerable.Range(0, count).Select(i =>
            $$"""
                  {
                    "name": "noop{{(count == 1 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}}",
                    "executor": "shell",
                    {{(cron is null ? "" : $$"""  "schedule": { "cron": "{{cron}}", "timeZone": "UTC", "misfire": "runAll", "overlap": "queue" },""")}}
                    "steps": [ { "action": "log", "message": "no-op" } ]
                  }
            """);
        return "{ \"robots\": [\n" + string.Join(",\n", robots) + "\n] }\n";
    }

    /// <summary>The environment of a vibe process running as <paramref name="host"/> (its own data folder, as separate machines have).</summary>
    public Dictionary<string, string> EnvironmentFor(string host, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>(Settings)
        {
            ["VIBE_HOST_NAME"] = host,
        };
        if (Database is not null)
        {
            environment["VIBE_DATA_DIR"] = Path.Combine(Directory, ".vibe-" + host);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public Task<(double Milliseconds, int ExitCode, string Output)> RunCliAsync(IReadOnlyList<string> arguments, CancellationToken ct, string? dll = null) =>
        ChildProcess.RunAsync("dotnet", [dll ?? _environment.VibeDll, .. arguments], Directory, EnvironmentFor("bench-cli"), ct);

    /// <summary>Starts `vibe start-service` as host <paramref name="host"/>; returns once it has recorded its heartbeat.</summary>
    public async Task<Process> StartServiceAsync(string host, CancellationToken ct, IReadOnlyDictionary<string, string>? extra = null)
    {
        var log = Path.Combine(Directory, $"service-{host}.log");
        var process = ChildProcess.Start("dotnet", [_environment.VibeDll, "start-service"], Directory, EnvironmentFor(host, extra), log);
        _services.Add(process);
        var clock = Stopwatch.StartNew();
        while (!(await File.ReadAllTextAsync(log, ct)).Contains("vibe service started", StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"vibe service {host} did not start: " + await File.ReadAllTextAsync(log, ct));
            }

            await Task.Delay(50, ct);
        }

        return process;
    }

    public async Task StopServicesAsync(CancellationToken ct)
    {
        await Task.WhenAll(_services.Select(service => ChildProcess.StopAsync(service, ct)));
        foreach (var service in _services)
        {
            service.Dispose();
        }

        _services.Clear();
    }

    /// <summary>vibe's real composition root in this process (the mediator `vibe run-now` uses).</summary>
    public IServiceProvider InProcess
    {
        get
        {
            if (_inProcess is null)
            {
                var variables = EnvironmentFor("bench-enqueue");
                var settings = VibeSettings.Load(Directory, variables.GetValueOrDefault, variables.Keys);
                _inProcess = new ServiceCollection()
                    .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                    .AddVibe(settings)
                    .BuildServiceProvider();
            }

            return _inProcess;
        }
    }

    /// <summary>Queues runs of a robot as `vibe run-now` does (one EnqueueRun each).</summary>
    public async Task EnqueueAsync(string robot, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = InProcess.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnqueueRun(robot), ct);
        }
    }

    public VibeDbContext CreateDbContext() => InProcess.GetRequiredService<IVibeDbContextFactory>().Create();

    /// <summary>Closes this process's connections (the in-process composition's and the pools) so counters are published.</summary>
    public async Task CloseConnectionsAsync()
    {
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
            _inProcess = null;
        }

        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopServicesAsync(CancellationToken.None);
        await CloseConnectionsAsync();
        if (Database is not null)
        {
            await _environment.Postgres.DropDatabaseAsync(Database, CancellationToken.None);
        }
    }
}
