using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Schedules.EnqueueScheduledRun;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Persistence;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// A command replayed after a transient store error must start from a clean unit of work: what the failed try added
/// to the DbContext must not be saved a second time by the replay. The fault is a real SaveChanges interceptor on the
/// real store, failing the first save as a locked SQLite file does.
/// </summary>
public class ReplayTests
{
    private const string Robots = """
        { "robots": [
          { "name": "payer", "executor": "shell", "schedule": { "cron": "0 0 3 * * ?" }, "steps": [ { "action": "log", "message": "pay" } ] } ] }
        """;

    [Fact]
    public async Task A_run_now_replayed_after_a_failed_save_queues_exactly_one_run()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        var fault = new FailFirstSave();
        await using var vibe = await InProcessVibe.StartAsync(workspace, configure: services => services.ConfigureDbContext<SqliteVibeDbContext>(options => options.AddInterceptors(fault)));

        fault.Arm();
        await vibe.SendAsync(new EnqueueRun("payer", TriggerKind.Manual));

        Assert.Equal(1, fault.Failures);
        await using var db = vibe.CreateDbContext();
        Assert.Equal(1, await db.Runs.CountAsync(run => run.RobotName == "payer"));
    }

    [Fact]
    public async Task A_fire_time_replayed_after_a_failed_save_leaves_exactly_one_row()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        var fault = new FailFirstSave();
        await using var vibe = await InProcessVibe.StartAsync(workspace, configure: services => services.ConfigureDbContext<SqliteVibeDbContext>(options => options.AddInterceptors(fault)));
        var fireTime = new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

        fault.Arm();
        var outcome = await vibe.SendAsync(new EnqueueScheduledRun("payer", fireTime));

        Assert.Equal(1, fault.Failures);
        Assert.Equal(ScheduledRunDecision.Queued, outcome.Decision);
        await using var db = vibe.CreateDbContext();
        Assert.Equal(1, await db.Runs.CountAsync(run => run.RobotName == "payer" && run.ScheduledFireTime == fireTime));
    }

    /// <summary>Fails the next save once, before it reaches the database, with SQLite's "database is locked".</summary>
    private sealed class FailFirstSave : SaveChangesInterceptor
    {
        private int _armed;

        public int Failures { get; private set; }

        public void Arm() => _armed = 1;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Failures++;
                throw new SqliteException("database is locked", 5);
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
