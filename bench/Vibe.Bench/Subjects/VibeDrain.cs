using Npgsql;
using Vibe.Bench.Harness;

namespace Vibe.Bench.Subjects;

/// <summary>
/// vibe's side of the dispatch figure: runs of a no-op robot queued as `vibe run-now` queues them, then drained by
/// real `vibe start-service` processes, one per host (a host runs one robot at a time), on one PostgreSQL database.
/// </summary>
internal static class VibeDrain
{
    public const string System = "vibe (this commit)";

    public static async Task<DrainResult> RunAsync(BenchEnvironment environment, int runs, int workers, CancellationToken ct)
    {
        const string database = "bench_vibe";
        await using var workspace = await VibeWorkspace.CreateAsync(environment, $"dispatch-{workers}", VibeWorkspace.NoOpRobots(), database, ct);
        var postgres = environment.Postgres;
        var enqueue = await SqlPhase.CountAsync(postgres, database, async () =>
        {
            await workspace.EnqueueAsync("noop", runs, ct);
            await workspace.CloseConnectionsAsync();
        }, ct);

        double seconds = 0;
        var drain = await SqlPhase.CountAsync(postgres, database, async () =>
        {
            for (var i = 1; i <= workers; i++)
            {
                await workspace.StartServiceAsync($"host-{i}", ct);
            }

            seconds = await WaitForDrainAsync(workspace, postgres.ObserverConnection(database), runs, ct);
            await workspace.StopServicesAsync(ct);
            await workspace.CloseConnectionsAsync();
        }, ct);
        return new DrainResult(System, workers, runs, seconds, enqueue, drain);
    }

    /// <summary>Waits until every run has finished; returns the drain's span from the database's own record.</summary>
    private static async Task<double> WaitForDrainAsync(VibeWorkspace workspace, string observerConnection, int runs, CancellationToken ct)
    {
        await using var observer = new NpgsqlConnection(observerConnection);
        await observer.OpenAsync(ct);
        long finished, lastFinished = -1;
        var sinceProgress = global::System.Diagnostics.Stopwatch.StartNew();
        while ((finished = await ScalarAsync<long>(observer, """SELECT count(*) FROM "TaskRuns" WHERE "Status" NOT IN ('Pending', 'Running')""", ct)) < runs)
        {
            if (finished != lastFinished)
            {
                (lastFinished, sinceProgress) = (finished, global::System.Diagnostics.Stopwatch.StartNew());
            }
            else if (sinceProgress.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"the drain stalled at {finished} of {runs} runs; see the service logs in {workspace.Directory}");
            }

            await Task.Delay(500, ct);
        }

        // First claim to last finish: service start-up is not part of dispatching.
        var seconds = await ScalarAsync<double>(observer, """SELECT extract(epoch FROM max("FinishedAt") - min("StartedAt"))::float8 FROM "TaskRuns" """, ct);
        var failed = await ScalarAsync<long>(observer, """SELECT count(*) FROM "TaskRuns" WHERE "Status" <> 'Succeeded'""", ct);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of the no-op runs did not succeed; see the service logs in {workspace.Directory}");
        }

        return seconds;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
