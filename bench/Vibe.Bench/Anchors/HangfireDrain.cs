using System.Diagnostics;
using Hangfire;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Vibe.Bench.Harness;

namespace Vibe.Bench.Anchors;

/// <summary>
/// The Hangfire anchor of the dispatch figure: a backlog of fire-and-forget jobs enqueued with no server running,
/// then drained by one BackgroundJobServer, on Hangfire.PostgreSql at its defaults.
/// </summary>
internal static class HangfireDrain
{
    public const string System = "Hangfire 1.8.25 + Hangfire.PostgreSql 1.21.1";

    private const string Database = "bench_hangfire";

    public static async Task<DrainResult> RunAsync(BenchEnvironment environment, int jobs, int workers, CancellationToken ct)
    {
        ConfigureGlobals();
        var postgres = environment.Postgres;
        var connectionString = await postgres.CreateDatabaseAsync(Database, ct);
        try
        {
            // The storage is handed to the client and the server explicitly and never made JobStorage.Current,
            // so the 4-worker run cannot write into the 1-worker run's database.
            var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
            var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);

            var enqueue = await SqlPhase.CountAsync(postgres, Database, () => Task.Run(
                () =>
                {
                    var client = new BackgroundJobClient(storage);
                    for (var i = 0; i < jobs; i++)
                    {
                        ct.ThrowIfCancellationRequested();
                        client.Enqueue(() => NoOp());
                    }
                },
                ct), ct);

            var seconds = 0.0;
            var drain = await SqlPhase.CountAsync(postgres, Database, async () =>
            {
                JobCounter.Reset(jobs);
                var clock = Stopwatch.StartNew();
                using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers }, storage))
                {
                    await JobCounter.WaitAsync(System, JobCounter.TimeoutFor(jobs), ct);
                    seconds = clock.Elapsed.TotalSeconds;
                }
            }, ct);

            await VerifyAllSucceededAsync(postgres.ObserverConnection(Database), jobs, ct);
            return new DrainResult(System, workers, jobs, seconds, enqueue, drain);
        }
        finally
        {
            await postgres.DropDatabaseAsync(Database, CancellationToken.None);
        }
    }

    /// <summary>The job: public and static, the cheapest thing Hangfire can run (nothing to activate, no arguments).</summary>
    public static void NoOp() => JobCounter.Increment();

    /// <summary>
    /// Process-wide settings, the same for every run: the serializer settings Hangfire's documentation sets up for a
    /// new 1.8 application, and a console log that shows warnings and errors only.
    /// </summary>
    private static void ConfigureGlobals() =>
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseColouredConsoleLogProvider(LogLevel.Warn);

    /// <summary>Counting inside the job is not enough: every job must also have been recorded as succeeded.</summary>
    private static async Task VerifyAllSucceededAsync(string observer, int jobs, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(observer);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'", connection);
        var succeeded = (long)(await command.ExecuteScalarAsync(ct))!;
        if (succeeded != jobs)
        {
            throw new InvalidOperationException($"{System}: {succeeded} of {jobs} jobs are recorded as succeeded after the drain");
        }
    }
}
