using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Overview.GetOverview;
using Vibe.Application.Robots.GetRobotHistory;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.ListRuns;
using Vibe.Application.Services.GetServiceStatus;
using Vibe.Bench.Harness;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Persistence;
using Vibe.Infrastructure.Queue;

namespace Vibe.Bench.History;

/// <summary>One provider's figures: the data set, each operation in-process and as a whole CLI process, the plans.</summary>
internal sealed class HistoryMeasurement
{
    public required string Provider { get; init; }

    public required LoadResult Load { get; init; }

    public required long MiddleRunId { get; init; }

    public Samples ListInProcess { get; } = new("ms");

    public Samples GetInProcess { get; } = new("ms");

    public Samples ListByRobotInProcess { get; } = new("ms");

    public Samples ClaimInProcess { get; } = new("ms");

    /// <summary>The dashboard overview's handler alone, to tell its queries from the page around them.</summary>
    public Samples OverviewInProcess { get; } = new("ms");

    public Samples ListCli { get; } = new("ms");

    public Samples GetCli { get; } = new("ms");

    /// <summary>`vibe status` on the same store before it is filled: what the history itself costs the CLI.</summary>
    public Samples EmptyListCli { get; } = new("ms");

    public List<QueryPlan> Plans { get; } = [];

    /// <summary>The control room's pages and /api/runs, served by the real `vibe dashboard` over this store.</summary>
    public DashboardMeasurement? Dashboard { get; private set; }

    /// <summary>The weekly robot, about a hundred runs among a million: `vibe status --robot` must seek them, not filter the whole history.</summary>
    public static string FilteredRobot => HistoryData.WeeklyRobot;

    /// <summary>Builds the store, fills it, and measures it; leaves nothing behind.</summary>
    public static async Task<HistoryMeasurement> RunAsync(BenchEnvironment environment, string provider, CancellationToken ct)
    {
        var runs = environment.Scale(1_000_000, 100_000);
        var folder = Path.Combine(environment.Work, "history-" + provider);
        const string database = "bench_history";
        var sqlitePath = Path.Combine(folder, ".vibe", "vibe.db");
        var connection = provider == DatabaseProviders.Sqlite
            ? $"Data Source={sqlitePath}"
            : await environment.Postgres.CreateDatabaseAsync(database, ct);
        try
        {
            Console.WriteLine($"history/{provider}: migrating with `vibe db migrate`, then generating {runs:N0} runs and {runs * 10L:N0} log lines");
            await HistoryStore.PrepareAsync(environment, provider, folder, connection, ct);
            var empty = new List<double>();
            for (var i = 0; i < 1 + environment.Scale(5, 2); i++)
            {
                var status = await ChildProcess.RunAsync("dotnet", [environment.VibeDll, "status", "--limit", "20"], folder, null, ct);
                if (status.ExitCode != 0)
                {
                    throw new InvalidOperationException($"vibe status failed on the empty store ({provider}, exit {status.ExitCode}): {status.Output}");
                }

                if (i > 0)
                {
                    empty.Add(status.Milliseconds);
                }
            }

            var now = TimeProvider.System.GetUtcNow();
            var load = provider == DatabaseProviders.Sqlite
                ? await HistoryLoader.LoadSqliteAsync(sqlitePath, runs, now, ct)
                : await HistoryLoader.LoadPostgresAsync(connection, runs, now, ct);
            Console.WriteLine($"history/{provider}: generated in {load.Elapsed.TotalSeconds:0.0} s ({load.SizeMiB:0} MiB)");
            var measurement = new HistoryMeasurement { Provider = provider, Load = load, MiddleRunId = runs / 2 };
            measurement.EmptyListCli.AddRange(empty);
            await using (var store = HistoryStore.Open(provider, folder, connection))
            {
                await measurement.MeasureInProcessAsync(store, environment.Scale(40, 20), ct);
                await measurement.ExplainAsync(store, ct);
                await RemoveBenchRunsAsync(store, load.Runs, ct);
            }

            ClearPools();
            await measurement.MeasureCliAsync(environment, folder, environment.Scale(10, 3), ct);
            Console.WriteLine($"history/{provider}: timing the dashboard's pages and /api/runs");
            measurement.Dashboard = await DashboardMeasurement.RunAsync(environment, folder, measurement.MiddleRunId, now, ct);
            return measurement;
        }
        finally
        {
            ClearPools();
            if (provider != DatabaseProviders.Sqlite)
            {
                await environment.Postgres.DropDatabaseAsync(database, ct);
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The real handlers through the mediator, one scope per call as the CLI does; the claim through IRunQueue.</summary>
    private async Task MeasureInProcessAsync(HistoryStore store, int repetitions, CancellationToken ct)
    {
        const int warmUp = 3;
        for (var i = 0; i < warmUp + repetitions; i++)
        {
            var list = await TimeAsync(() => SendAsync(store, new ListRuns(20), ct));
            if (list.Result.Count != 20)
            {
                throw new InvalidOperationException($"ListRuns returned {list.Result.Count} runs, not 20");
            }

            var byRobot = await TimeAsync(() => SendAsync(store, new ListRuns(20, FilteredRobot), ct));
            if (byRobot.Result.Count != 20 || byRobot.Result.Any(run => run.Robot != FilteredRobot))
            {
                throw new InvalidOperationException($"ListRuns(robot {FilteredRobot}) returned {byRobot.Result.Count} runs, not 20 of that robot");
            }

            var get = await TimeAsync(() => SendAsync(store, new GetRun(MiddleRunId), ct));
            if (get.Result.Log.Count != HistoryData.LinesPerRun)
            {
                throw new InvalidOperationException($"GetRun({MiddleRunId}) returned {get.Result.Log.Count} log lines, not {HistoryData.LinesPerRun}");
            }

            var overview = await TimeAsync(() => SendAsync(store, new GetOverview(TimeSpan.FromSeconds(45), TimeSpan.FromHours(24)), ct));
            if (overview.Result.LastWindowByStatus.Values.Sum() == 0)
            {
                throw new InvalidOperationException("GetOverview counted no run in the last 24 hours: the history should reach to an hour ago");
            }

            var queued = await QueueFreshRunAsync(store, ct);
            var queue = store.Services.GetRequiredService<IRunQueue>();
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var claim = await TimeAsync(() => queue.ClaimNextAsync("bench-host", [], now, now.AddMinutes(5), ct));
            if (claim.Result?.Id != queued)
            {
                throw new InvalidOperationException($"the claim took run {claim.Result?.Id.ToString(CultureInfo.InvariantCulture) ?? "none"}, not the fresh run {queued}");
            }

            if (i >= warmUp)
            {
                ListInProcess.Add(list.Milliseconds);
                GetInProcess.Add(get.Milliseconds);
                ListByRobotInProcess.Add(byRobot.Milliseconds);
                ClaimInProcess.Add(claim.Milliseconds);
                OverviewInProcess.Add(overview.Milliseconds);
            }
        }
    }

    /// <summary>Captures what `vibe status` and `vibe status &lt;id&gt;` send (the same handlers) and what a claim sends, and explains it.</summary>
    private async Task ExplainAsync(HistoryStore store, CancellationToken ct)
    {
        store.Capture.Recording = true;
        await SendAsync(store, new ListRuns(20), ct);
        var list = store.Capture.Take().Select(c => c with { Label = "ListRuns (vibe status --limit 20)" }).ToList();
        await SendAsync(store, new GetServiceStatus(TimeSpan.FromSeconds(45)), ct);
        list.AddRange(store.Capture.Take().Select(c => c with { Label = "GetServiceStatus (vibe status, the service line)" }));
        await SendAsync(store, new ListRuns(20, FilteredRobot), ct);
        list.AddRange(store.Capture.Take().Select(c => c with { Label = $"ListRuns of one robot (vibe status --robot {FilteredRobot})" }));
        await SendAsync(store, new GetRun(MiddleRunId), ct);
        var get = store.Capture.Take().Select((c, i) => c with { Label = $"GetRun (vibe status {MiddleRunId}), statement {i + 1}" }).ToList();
        get.AddRange(await CaptureDashboardAsync(store, ct));
        store.Capture.Recording = false;
        if (list.Count == 0 || get.Count == 0)
        {
            throw new InvalidOperationException("the command capture saw no SQL: is the interceptor registered on the provider's context?");
        }

        // The claim is plain ADO.NET (one provider-specific statement), so it is explained from ClaimStatements with a fresh run due.
        await QueueFreshRunAsync(store, ct);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        DbParameter Parameter(string name, object value) => store.IsSqlite ? new SqliteParameter(name, value) : new NpgsqlParameter(name, value);
        var claim = new CapturedCommand(
            "IRunQueue.ClaimNextAsync (the service's worker)",
            ClaimStatements.For(store.Provider, 0),
            [Parameter("@host", "bench-host"), Parameter("@now", now), Parameter("@lease", now.AddMinutes(5))]);

        foreach (var command in list.Concat(get).Append(claim))
        {
            Plans.Add(await QueryPlans.ExplainAsync(store, command, ct));
        }
    }

    /// <summary>What the dashboard's overview, runs filters and robot page send (their handlers, as the pages call them).</summary>
    private async Task<List<CapturedCommand>> CaptureDashboardAsync(HistoryStore store, CancellationToken ct)
    {
        var captured = new List<CapturedCommand>();
        async Task Capture<T>(string label, IQuery<T> query)
        {
            await SendAsync(store, query, ct);
            var commands = store.Capture.Take();
            captured.AddRange(commands.Select((c, i) => c with { Label = commands.Count == 1 ? label : $"{label}, statement {i + 1}" }));
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await Capture("ListRuns by status (dashboard /runs?status=Failed)", new ListRuns(51) { Status = RunStatus.Failed });
        await Capture("ListRuns by trigger (dashboard /runs?trigger=Manual)", new ListRuns(51) { Trigger = TriggerKind.Manual });
        await Capture("ListRuns by host (dashboard /runs?host=host-2)", new ListRuns(51) { Host = "host-2" });
        await Capture("ListRuns of one week a year ago (dashboard /runs?from=&to=)", new ListRuns(51) { From = now.AddDays(-365), To = now.AddDays(-358) });
        await Capture("ListRuns, the page before the middle run (dashboard /runs?before=)", new ListRuns(51) { BeforeId = MiddleRunId });

        // The overview asks once per robot for its latest finished run: one of them stands for all.
        var overview = new List<CapturedCommand>();
        await SendAsync(store, new GetOverview(TimeSpan.FromSeconds(45), TimeSpan.FromHours(24)), ct);
        var statements = store.Capture.Take();
        overview.AddRange(statements.Where(c => !c.Sql.Contains("\"RobotName\" = ", StringComparison.Ordinal)));
        overview.AddRange(statements.Where(c => c.Sql.Contains("\"RobotName\" = ", StringComparison.Ordinal)).Take(1));
        captured.AddRange(overview.Select((c, i) => c with { Label = $"GetOverview (dashboard /), statement {i + 1}" }));
        await Capture($"GetRobotHistory (dashboard /robots/{HistoryData.Robots[0]})", new GetRobotHistory(HistoryData.Robots[0]));
        return captured;
    }

    /// <summary>`vibe status` as a user types it, in the config folder: the whole process, start to exit.</summary>
    private async Task MeasureCliAsync(BenchEnvironment environment, string folder, int repetitions, CancellationToken ct)
    {
        var id = MiddleRunId.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < 1 + repetitions; i++)
        {
            var list = await ChildProcess.RunAsync("dotnet", [environment.VibeDll, "status", "--limit", "20"], folder, null, ct);
            if (list.ExitCode != 0 || !list.Output.Contains("Succeeded", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"vibe status failed ({Provider}, exit {list.ExitCode}): {list.Output}");
            }

            var get = await ChildProcess.RunAsync("dotnet", [environment.VibeDll, "status", id], folder, null, ct);
            if (get.ExitCode != 0 || !get.Output.Contains($"Run {id}:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"vibe status {id} failed ({Provider}, exit {get.ExitCode}): {get.Output}");
            }

            // The first pair warms the disk cache and the runtime's files, as a user's second command would find them.
            if (i > 0)
            {
                ListCli.Add(list.Milliseconds);
                GetCli.Add(get.Milliseconds);
            }
        }
    }

    /// <summary>The CLI must list the generated history, not the runs the claims left Running at its top.</summary>
    private static async Task RemoveBenchRunsAsync(HistoryStore store, long generatedRuns, CancellationToken ct)
    {
        await using var db = store.Services.GetRequiredService<IVibeDbContextFactory>().Create();
        await db.Runs.Where(run => run.Id > generatedRuns).ExecuteDeleteAsync(ct);
    }

    private static async Task<long> QueueFreshRunAsync(HistoryStore store, CancellationToken ct)
    {
        await using var db = store.Services.GetRequiredService<IVibeDbContextFactory>().Create();
        var run = TaskRun.Queue(HistoryData.Robots[0], TriggerKind.Manual, TimeProvider.System.GetUtcNow().UtcDateTime, 1);
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    private static async Task<TResponse> SendAsync<TResponse>(HistoryStore store, IQuery<TResponse> query, CancellationToken ct)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, ct);
    }

    private static async Task<(T Result, double Milliseconds)> TimeAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (result, clock.Elapsed.TotalMilliseconds);
    }
}
