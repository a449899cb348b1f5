using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.RecordRunOutcome;
using Vibe.Domain.Runs;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// The outcome journal records an outcome again when it cannot tell whether its first recording reached the store (the
/// commit went through, the answer was lost). The second recording must find its own outcome and add nothing: no second
/// copy of the last log lines, no warning that "another host" finished the run.
/// </summary>
public class OutcomeReplayTests
{
    private const string Robots = """
        { "robots": [ { "name": "payer", "executor": "shell", "steps": [ { "action": "log", "message": "pay" } ] } ] }
        """;

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task An_outcome_recorded_a_second_time_leaves_the_history_as_the_first_recording_wrote_it(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        try
        {
            using var workspace = new TempWorkspace().WriteRobots(Robots);
            await using var vibe = await InProcessVibe.StartAsync(workspace, environment);
            var queued = await vibe.SendAsync(new EnqueueRun("payer", TriggerKind.Manual));

            // A finish time with a sub-microsecond part, as every DateTime read from the clock has: PostgreSQL keeps
            // microseconds, so the stored time differs from the journal's by those ticks.
            var startedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
            var finishedAt = new DateTime(startedAt.Ticks - (startedAt.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(2).AddTicks(1_234_567);
            await using (var db = vibe.CreateDbContext())
            {
                var run = await db.Runs.SingleAsync(r => r.Id == queued.Id);
                run.Start("test-host", startedAt, startedAt.AddMinutes(5), null);
                await db.SaveChangesAsync();
            }

            var outcome = new RunOutcome(
                queued.Id, "test-host", RunStatus.Succeeded, finishedAt, null, null, null, TimedOut: false, Interrupted: false, null, null,
                [new RunOutcomeLine(finishedAt, RunLogLevel.Info, null, "run finished: the last line")]);
            await RecordAsync(vibe, outcome);
            var first = await LogAsync(vibe, queued.Id);

            await RecordAsync(vibe, outcome);
            var second = await LogAsync(vibe, queued.Id);

            Assert.Equal(first, second);
            Assert.Single(second, message => message == "run finished: the last line");
            Assert.DoesNotContain(second, message => message.Contains("the recorded status stands", StringComparison.Ordinal));
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }

    private static async Task RecordAsync(InProcessVibe vibe, RunOutcome outcome)
    {
        await using var scope = vibe.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunOutcomeRecorder>().RecordOnceAsync(outcome, CancellationToken.None);
    }

    private static async Task<List<string>> LogAsync(InProcessVibe vibe, long runId)
    {
        await using var db = vibe.CreateDbContext();
        return await db.RunLogs.Where(line => line.RunId == runId).OrderBy(line => line.Id).Select(line => line.Message).ToListAsync();
    }
}
