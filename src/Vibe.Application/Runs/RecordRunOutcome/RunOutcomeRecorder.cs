using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Vibe.Application.Common.Behaviours;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Runs.StoreRunEvidence;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.RecordRunOutcome;

/// <summary>
/// Records a run's outcome from the journal: its status, its last log lines, the next attempt or resumption and the
/// mails, saved together in one fresh unit of work per try, so a try that failed leaves nothing half-saved and the
/// next starts clean. Recording twice is harmless: a run that is no longer Running on the outcome's host is not
/// changed again. Then the run's evidence is copied into the store (a unit of its own, so an evidence copy that the
/// store refuses never holds the outcome back; one that fails because the store went away is done again by the next
/// try, like the outcome). The journal entry is forgotten once the store holds both.
/// </summary>
public sealed partial class RunOutcomeRecorder(
    IStoreUnits units,
    IOutcomeJournal journal,
    IRobotCatalog catalog,
    RunFollowUp followUp,
    ISecretMasker masker,
    TimeProvider time,
    IRunQueueSignal signal,
    TransientDatabasePolicy database,
    IEnumerable<IRunLogListener> listeners,
    RunEvidenceCopier evidence,
    ITransientErrorDetector transient,
    ILogger<RunOutcomeRecorder> logger)
{
    /// <summary>One recording, with the transient-error retries; throws when the store stays away.</summary>
    public async Task<RunSummary?> RecordAsync(RunOutcome outcome, CancellationToken cancellationToken) =>
        await database.Pipeline.ExecuteAsync(
            async ct =>
            {
                try
                {
                    return await RecordOnceAsync(outcome, ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // The run changed under this try (swept, or recorded by another recorder): the next try sees how.
                    return await RecordOnceAsync(outcome, ct);
                }
            },
            cancellationToken);

    /// <summary>
    /// Whether the store already holds this very outcome (recorded by an earlier try whose answer was lost). Times are
    /// compared to the millisecond: PostgreSQL keeps microseconds and SQL Server's datetime2 100 ns, and a DateTime read
    /// back is not always the one written, so an exact comparison would take vibe's own recording for another host's.
    /// </summary>
    private static bool IsThisOutcome(TaskRun run, RunOutcome outcome) =>
        run.Status == outcome.Status
        && run.FinishedAt is { } finished
        && Math.Abs((finished - outcome.FinishedAt).Ticks) < TimeSpan.TicksPerMillisecond
        && string.Equals(run.Host, outcome.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>One try in a fresh unit of work. Returns the run as recorded, or null when the store has no such run.</summary>
    public async Task<RunSummary?> RecordOnceAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        await using var db = units.Begin();
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == outcome.RunId, cancellationToken);
        if (run is null)
        {
            journal.Forget(outcome.RunId);
            return null;
        }

        var log = new OutcomeLog(run.Id, masker, time);
        if (run.Status != RunStatus.Running || !string.Equals(run.Host, outcome.Host, StringComparison.OrdinalIgnoreCase))
        {
            if (!IsThisOutcome(run, outcome))
            {
                // Another host took the run for lost (its lease ran out while this host could not reach the store)
                // and recorded that first. Its outcome stands; what really happened here goes into the log.
                log.Write(RunLogLevel.Warning, null, $"{outcome.Host} finished this run {outcome.Status} at {outcome.FinishedAt:yyyy-MM-dd HH:mm:ss} UTC, after it had been recorded {run.Status}; the recorded status stands");
                db.RunLogs.AddRange(outcome.Lines.Select(line => line.ToEntry(run.Id)).Concat(log.Entries));
                await db.SaveChangesAsync(cancellationToken);
            }

            Tell(run.RobotName, await StoreEvidenceAsync(outcome, cancellationToken));
            journal.Forget(run.Id);
            return RunSummary.From(run);
        }

        var robot = (await catalog.GetAsync(cancellationToken)).Find(run.RobotName);
        Apply(run, outcome);
        var queued = false;
        if (outcome.Interrupted && robot is { OnInterrupt: InterruptPolicy.Requeue })
        {
            db.Runs.Add(run.CreateResumption(time.GetUtcNow().UtcDateTime));
            log.Write(RunLogLevel.Warning, null, $"queued again first in line to resume it (attempt {run.Attempt}/{run.MaxAttempts} again: an interruption does not count; \"onInterrupt\": \"drop\" turns this off)");
            queued = true;
        }
        else
        {
            if (outcome.Interrupted)
            {
                log.Write(RunLogLevel.Warning, null, "not queued again (\"onInterrupt\": \"drop\")");
            }

            queued = await followUp.ApplyAsync(db, run, robot, outcome.TimedOut, log, cancellationToken);
        }

        log.Write(
            run.Status == RunStatus.Succeeded ? RunLogLevel.Info : RunLogLevel.Error,
            null,
            $"run {run.Id} {run.Status.ToString().ToLowerInvariant()}{(run.Duration is { } d ? $" after {Duration.Format(d)}" : "")}");
        db.RunLogs.AddRange(outcome.Lines.Select(line => line.ToEntry(run.Id)).Concat(log.Entries));

        // Status is a concurrency token: if another host swept the run meanwhile, nothing here is saved and the next
        // try finds it no longer Running.
        await db.SaveChangesAsync(cancellationToken);
        Tell(run.RobotName, log.Entries);
        Tell(run.RobotName, await StoreEvidenceAsync(outcome, cancellationToken));
        journal.Forget(run.Id);

        if (queued)
        {
            signal.Notify();
        }

        return RunSummary.From(run);
    }

    /// <summary>
    /// Copies the run's evidence into the store. A store that is away fails this try (the outcome is already saved,
    /// so the next try only copies); anything else is logged and the outcome stands without the copy.
    /// </summary>
    private async Task<IReadOnlyList<RunLogEntry>> StoreEvidenceAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.EvidencePath is null)
        {
            return [];
        }

        try
        {
            await using var unit = units.Begin();
            return await evidence.CopyAsync(unit, outcome.RunId, outcome.Host, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !transient.IsTransient(ex))
        {
            EvidenceNotStored(logger, outcome.RunId, outcome.Host, ex.Message.ReplaceLineEndings(" "));
            return [];
        }
    }

    private void Tell(string robot, IReadOnlyList<RunLogEntry> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var listener in listeners)
            {
                listener.OnLine(robot, entry);
            }
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The evidence of run {RunId} was not copied into the store; it stays only on {Host}: {Error}")]
    private static partial void EvidenceNotStored(ILogger logger, long runId, string host, string error);

    private static void Apply(TaskRun run, RunOutcome outcome)
    {
        switch (outcome.Status)
        {
            case RunStatus.Succeeded:
                run.Succeed(outcome.FinishedAt);
                break;
            case RunStatus.Cancelled:
                run.Cancel(outcome.FinishedAt, outcome.Error ?? "cancelled");
                break;
            case RunStatus.SessionUnavailable:
                run.MarkSessionUnavailable(outcome.FinishedAt, outcome.Error ?? "session unavailable");
                break;
            default:
                run.Fail(outcome.FinishedAt, outcome.Error ?? "failed", outcome.FailedStepIndex, outcome.FailedAction);
                break;
        }

        run.AttachEvidence(outcome.EvidencePath, outcome.ScreenshotPath);
    }

    /// <summary>The lines the recording itself writes (the next attempt, the mail, the end): saved with the outcome.</summary>
    private sealed class OutcomeLog(long runId, ISecretMasker masker, TimeProvider time) : IRunLog
    {
        private readonly List<RunLogEntry> _entries = [];

        public long RunId => runId;

        public IReadOnlyList<RunLogEntry> Entries => _entries;

        public void Write(RunLogLevel level, int? stepIndex, string message) =>
            _entries.Add(new RunLogEntry(runId, time.GetUtcNow().UtcDateTime, level, stepIndex, masker.Mask(message)));

        public IReadOnlyList<RunLogEntry> Tail(int count) => _entries.TakeLast(count).ToList();

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
