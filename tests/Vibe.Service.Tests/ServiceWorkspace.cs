using Vibe.TestSupport;

namespace Vibe.Service.Tests;

/// <summary>
/// One test's world: a configuration folder with robots.json, the settings every process of the test shares
/// (database, timings), the services it started and the store they write to. Disposing it stops every service
/// still running and drops the PostgreSQL database.
/// </summary>
internal sealed class ServiceWorkspace : IAsyncDisposable
{
    private readonly Dictionary<string, string> _shared;
    private readonly List<ServiceProcess> _services = [];
    private readonly PostgresDatabase? _database;
    private Store? _store;

    private ServiceWorkspace(TempWorkspace workspace, Dictionary<string, string> shared, PostgresDatabase? database)
    {
        Files = workspace;
        _shared = shared;
        _database = database;
    }

    public TempWorkspace Files { get; }

    public string Directory => Files.Directory;

    /// <summary>The settings of every process in the test, before the per-host ones.</summary>
    public IReadOnlyDictionary<string, string> SharedEnvironment => _shared;

    public Store Store => _store ?? throw new InvalidOperationException("open the store first (CreateAsync does)");

    public IReadOnlyList<ServiceProcess> Services => _services;

    /// <summary>A workspace on the embedded SQLite store (one host: the data folder holds the database).</summary>
    public static Task<ServiceWorkspace> SqliteAsync(string robotsJson, params (string Key, string Value)[] settings) =>
        CreateAsync(robotsJson, database: null, settings);

    /// <summary>A workspace on a fresh PostgreSQL database, migrated, that several hosts share.</summary>
    public static async Task<ServiceWorkspace> PostgresAsync(string robotsJson, params (string Key, string Value)[] settings)
    {
        var database = await PostgresDatabase.CreateAsync();
        return await CreateAsync(robotsJson, database, settings);
    }

    /// <summary>A workspace on a PostgreSQL server of the test's own, which the test may stop and start (an outage).</summary>
    public static Task<ServiceWorkspace> OnServerAsync(string robotsJson, PostgresServer server, params (string Key, string Value)[] settings) =>
        CreateAsync(robotsJson, database: null, [("VIBE_DB_PROVIDER", "postgres"), ("VIBE_DB_CONNECTION", server.ConnectionString), .. settings]);

    private static async Task<ServiceWorkspace> CreateAsync(string robotsJson, PostgresDatabase? database, (string Key, string Value)[] settings)
    {
        // Short timings so the tests wait seconds, not minutes; the lease stays long enough for a loaded machine.
        var shared = new Dictionary<string, string>
        {
            ["VIBE_SERVICE_POLL_INTERVAL"] = "00:00:00.2",
            ["VIBE_SERVICE_SWEEP_INTERVAL"] = "00:00:01",
            ["VIBE_SERVICE_HEARTBEAT"] = "00:00:01",
            ["VIBE_SERVICE_LEASE"] = "00:00:20",
        };
        if (database is not null)
        {
            shared["VIBE_DB_PROVIDER"] = "postgres";
            shared["VIBE_DB_CONNECTION"] = database.ConnectionString;
        }

        foreach (var (key, value) in settings)
        {
            shared[key] = value;
        }

        var workspace = new ServiceWorkspace(new TempWorkspace().WriteRobots(robotsJson), shared, database);
        workspace._store = await Store.OpenAsync(workspace.Directory, shared);
        return workspace;
    }

    /// <summary>
    /// The environment of a process that runs as <paramref name="host"/>. On PostgreSQL each host gets its own data
    /// folder (pid file, run folders), as separate machines would; on SQLite the data folder holds the shared database.
    /// </summary>
    public Dictionary<string, string> EnvironmentFor(string? host, params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>(_shared);
        if (host is not null)
        {
            environment["VIBE_HOST_NAME"] = host;
            if (_database is not null)
            {
                environment["VIBE_DATA_DIR"] = ".vibe-" + host;
            }
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    public string DataDirectoryOf(string host) => Files.PathOf(_database is null ? ".vibe" : ".vibe-" + host);

    public Task<ServiceProcess> StartServiceAsync(string host) => StartServiceAsync(host, []);

    /// <summary>Starts `vibe start-service` as <paramref name="host"/>, with its own settings (VIBE_HOST_LABELS…) on top of the shared ones.</summary>
    public async Task<ServiceProcess> StartServiceAsync(string host, params (string Key, string Value)[] settings)
    {
        var service = ServiceProcess.Start(host, Directory, EnvironmentFor(host, settings));
        _services.Add(service);
        try
        {
            await service.WaitForOutputAsync("vibe service started on");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{service.Describe()} did not start\n{await ReportAsync()}", ex);
        }

        return service;
    }

    /// <summary>Runs a `vibe` command as a user on <paramref name="host"/> would (null: the machine's own name).</summary>
    public Task<CliResult> CliAsync(string? host, params string[] args) => VibeProcess.RunAsync(Directory, EnvironmentFor(host), args);

    /// <summary>Runs a `vibe` command as a user on <paramref name="host"/> with settings of its own (another data folder…).</summary>
    public Task<CliResult> CliWithAsync(string? host, (string Key, string Value)[] settings, params string[] args) =>
        VibeProcess.RunAsync(Directory, EnvironmentFor(host, settings), args);

    /// <summary>What every service printed and what the store holds: the explanation attached to a failed assertion.</summary>
    public async Task<string> ReportAsync(string? robot = null)
    {
        string store;
        try
        {
            store = await Store.DescribeAsync(robot);
        }
        catch (Exception ex)
        {
            store = "(store unreadable: " + ex.Message + ")";
        }

        return string.Join('\n', _services.Select(service => service.Report())) + "\n--- store ---\n" + store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Files.Dispose();
    }
}
