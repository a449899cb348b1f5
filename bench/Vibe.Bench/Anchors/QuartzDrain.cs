using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;
using Vibe.Bench.Harness;

namespace Vibe.Bench.Anchors;

/// <summary>
/// The Quartz anchor of the dispatch figure: one-off jobs scheduled by a scheduler in standby, then fired by the same
/// scheduler once started, on the clustered ADO.NET job store over PostgreSQL at its defaults.
/// </summary>
/// <remarks>
/// Nothing but the pool size is tuned. A consequence worth knowing when reading the counts: a trigger more than the
/// misfire threshold (60 s by default) overdue is not acquired until the misfire handler has rewritten it, so a backlog
/// that takes longer than a minute to queue and drain pays that extra round for part of its jobs, as it would in production.
/// </remarks>
internal static class QuartzDrain
{
    public const string System = "Quartz.NET 4.7.3, clustered AdoJobStore";

    private const string Database = "bench_quartz";

    public static async Task<DrainResult> RunAsync(BenchEnvironment environment, int jobs, int workers, CancellationToken ct)
    {
        var postgres = environment.Postgres;
        var connectionString = await postgres.CreateDatabaseAsync(Database, ct);
        try
        {
            await QuartzSchema.CreateAsync(connectionString, ct);

            // A name of its own per run: Quartz keeps its schedulers in a process-wide repository by name.
            var name = string.Create(CultureInfo.InvariantCulture, $"bench-quartz-{workers}w-{Guid.NewGuid():N}");
            var builder = QuartzSchedulerBuilder.Create(quartz =>
            {
                quartz.ConfigureScheduler(options => options.InstanceName = name);
                quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = workers);
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering();
                    store.UseSystemTextJsonSerializer();
                });
                quartz.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
            });

            await using var factory = builder.Build();
            var scheduler = await factory.GetScheduler(ct);

            var enqueue = await SqlPhase.CountAsync(postgres, Database, async () =>
            {
                for (var i = 0; i < jobs; i++)
                {
                    var key = "job-" + i.ToString(CultureInfo.InvariantCulture);
                    var job = JobBuilder.Create<CountingJob>().WithIdentity(key).Build();
                    var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartNow().Build();
                    await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
                }
            }, ct);

            var seconds = 0.0;
            var drain = await SqlPhase.CountAsync(postgres, Database, async () =>
            {
                JobCounter.Reset(jobs);
                var clock = Stopwatch.StartNew();
                await scheduler.Start(ct);
                await JobCounter.WaitAsync(System, JobCounter.TimeoutFor(jobs), ct);
                seconds = clock.Elapsed.TotalSeconds;
                await scheduler.Shutdown(waitForJobsToComplete: true, ct);
            }, ct);

            await VerifyNothingLeftAsync(postgres.ObserverConnection(Database), ct);
            return new DrainResult(System, workers, jobs, seconds, enqueue, drain);
        }
        finally
        {
            await postgres.DropDatabaseAsync(Database, CancellationToken.None);
        }
    }

    /// <summary>A one-off, non-durable job leaves no row once it has run: any trigger left behind did not complete.</summary>
    private static async Task VerifyNothingLeftAsync(string observer, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(observer);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM qrtz_triggers) + (SELECT count(*) FROM qrtz_job_details) + (SELECT count(*) FROM qrtz_fired_triggers)",
            connection);
        var left = (long)(await command.ExecuteScalarAsync(ct))!;
        if (left != 0)
        {
            throw new InvalidOperationException($"{System}: {left} trigger, job or firing rows are left after the drain");
        }
    }

    /// <summary>The job: counts itself and returns.</summary>
    internal sealed class CountingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            JobCounter.Increment();
            return default;
        }
    }
}
