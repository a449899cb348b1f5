using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vibe.Application.Runs;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Domain.Runs;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Service.Tests;

/// <summary>
/// The run store the services share, seen through vibe's own composition in the test process: to queue runs
/// as the CLI does and to read what the services recorded.
/// </summary>
internal sealed class Store : IAsyncDisposable
{
    /// <summary>The message every attempt writes first; counting it tells how many times a run was executed.</summary>
    public const string StartedMarker = " started on ";

    private readonly ServiceProvider _services;

    private Store(ServiceProvider services) => _services = services;

    /// <summary>Opens the store of a workspace with the same settings the services get (migrating it if it is new).</summary>
    public static async Task<Store> OpenAsync(string workspace, IReadOnlyDictionary<string, string> environment)
    {
        var variables = new Dictionary<string, string>(environment);
        var settings = VibeSettings.Load(workspace, variables.GetValueOrDefault, variables.Keys);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddVibe(settings)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new Store(services);
    }

    public async Task<RunSummary> EnqueueAsync(string robot)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnqueueRun(robot, TriggerKind.Manual));
    }

    public async Task<IReadOnlyList<TaskRun>> RunsAsync(string? robot = null)
    {
        await using var db = CreateContext();
        return await db.Runs.AsNoTracking()
            .Where(run => robot == null || run.RobotName == robot)
            .OrderBy(run => run.Id)
            .ToListAsync();
    }

    /// <summary>The runs, or none while the store cannot be reached (during an outage the test itself caused).</summary>
    public async Task<IReadOnlyList<TaskRun>> RunsOrNoneAsync(string? robot = null)
    {
        try
        {
            return await RunsAsync(robot);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            return [];
        }
    }

    public async Task<TaskRun?> RunAsync(long id)
    {
        await using var db = CreateContext();
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(run => run.Id == id);
    }

    public async Task<IReadOnlyList<RunLogEntry>> LogAsync(long runId)
    {
        await using var db = CreateContext();
        return await db.RunLogs.AsNoTracking().Where(entry => entry.RunId == runId).OrderBy(entry => entry.Id).ToListAsync();
    }

    /// <summary>For every run that has one: how many times its log says it started.</summary>
    public async Task<Dictionary<long, int>> StartCountsAsync()
    {
        await using var db = CreateContext();
        var starts = await db.RunLogs.AsNoTracking()
            .Where(entry => entry.Message.Contains(StartedMarker))
            .Select(entry => entry.RunId)
            .ToListAsync();
        return starts.GroupBy(id => id).ToDictionary(group => group.Key, group => group.Count());
    }

    /// <summary>A one-line-per-run table of what the store holds, for assertion messages.</summary>
    public async Task<string> DescribeAsync(string? robot = null)
    {
        var runs = await RunsAsync(robot);
        IReadOnlyList<TaskRun> shown = runs.Count <= 80 ? runs : [.. runs.Take(20), .. runs.TakeLast(60)];
        return $"{runs.Count} run(s){(shown.Count < runs.Count ? " (first 20 and last 60)" : "")}:\n" + string.Join('\n', shown.Select(Describe));
    }

    public static string Describe(TaskRun run) =>
        $"  #{run.Id} {run.RobotName} {run.Status} {run.Trigger} attempt {run.Attempt}/{run.MaxAttempts} host={run.Host ?? "-"} "
        + $"fire={run.ScheduledFireTime:HH:mm:ss.fff} queued={run.QueuedAt:HH:mm:ss.fff} started={run.StartedAt:HH:mm:ss.fff} finished={run.FinishedAt:HH:mm:ss.fff} error={run.Error}";

    /// <summary>The evidence files the store holds for a run, by name (what every host can show).</summary>
    public async Task<Dictionary<string, byte[]>> RunFilesAsync(long runId)
    {
        await using var db = CreateContext();
        return await db.RunFiles.AsNoTracking().Where(file => file.RunId == runId).ToDictionaryAsync(file => file.Name, file => file.Content);
    }

    /// <summary>Stores a file for a run as the evidence copy does.</summary>
    public async Task AddRunFileAsync(long runId, string name, byte[] content)
    {
        await using var db = CreateContext();
        db.RunFiles.Add(new RunFile(runId, name, content, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>Deletes a run's row with one DELETE statement, so only the database's own cascade can take its files.</summary>
    public async Task<int> DeleteRunAsync(long runId)
    {
        await using var db = CreateContext();
        return await db.Runs.Where(run => run.Id == runId).ExecuteDeleteAsync();
    }

    private VibeDbContext CreateContext() => _services.GetRequiredService<IVibeDbContextFactory>().Create();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
