using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Behaviours;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Runs.CancelRun;
using Vibe.Application.Runs.RecordRunOutcome;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.ExecuteRun;

/// <summary>
/// Executes a queued run: marks it Running on this host, runs the robot's steps, and records how it ended.
/// With <see cref="Claimed"/> the caller (the service's worker) has already claimed it atomically and passes the
/// row its claim returned, so it is not read again.
/// A failed robot is a result, not an exception; the run is never left Running.
/// </summary>
public sealed record ExecuteRun(long RunId) : ICommand<RunSummary>, INotReplayable
{
    /// <summary>The run as the worker's claim returned it (Running on this host), or null to claim it here.</summary>
    public TaskRun? Claimed { get; init; }

    /// <summary>
    /// Set by the service's worker: a run cancelled because the service stopped is an interruption, recorded with the
    /// reason and queued again per the robot's "onInterrupt". A foreground run stopped with Ctrl+C is just cancelled.
    /// </summary>
    public bool StopMeansInterrupted { get; init; }

    /// <summary>The run was inserted already Running on this host (EnqueueRun/RerunTask with StartHere): execute it as it is.</summary>
    public bool StartedHere { get; init; }

    public bool AlreadyClaimed => Claimed is not null;

    /// <summary>Executes a run the caller (the service's worker) has claimed.</summary>
    public static ExecuteRun ForClaimed(TaskRun claimed) => new(claimed.Id) { Claimed = claimed, StopMeansInterrupted = true };
}

public sealed class ExecuteRunHandler(
    IVibeDbContext db,
    IRobotCatalog catalog,
    IHostIdentity host,
    TimeProvider time,
    IRunLogFactory logs,
    IRunFiles files,
    ISecretMasker masker,
    IEnvironmentReader environment,
    RobotRunner runner,
    RunLeaseOptions lease,
    IOutcomeJournal journal,
    RunOutcomeRecorder recorder,
    CancelRequestWatch cancelRequests) : ICommandHandler<ExecuteRun, RunSummary>
{
    public async ValueTask<RunSummary> Handle(ExecuteRun command, CancellationToken cancellationToken)
    {
        // A run the worker has claimed comes with the command: nothing stands between the claim and the robot
        // runner, which records it Cancelled if a stop comes before its first step.
        var run = command.Claimed is { } claimed
            ? db.Runs.Attach(claimed).Entity
            : await db.Runs.FirstOrDefaultAsync(r => r.Id == command.RunId, cancellationToken) ?? throw VibeException.NotFound($"no run with id {command.RunId}");
        var robots = await catalog.GetAsync(command.AlreadyClaimed ? CancellationToken.None : cancellationToken);
        var robot = robots.Find(run.RobotName);

        if (command.StartedHere)
        {
            if (run.Status != RunStatus.Running || !string.Equals(run.Host, host.HostName, StringComparison.OrdinalIgnoreCase))
            {
                throw VibeException.Conflict($"run {run.Id} is {run.Status} on {run.Host ?? "no host"}, not Running on {host.HostName}");
            }
        }
        else if (!command.AlreadyClaimed)
        {
            await ClaimAsync(run, robot?.DefinitionHash, cancellationToken);
        }
        else if (robot is not null)
        {
            run.RecordDefinition(robot.DefinitionHash);
        }

        RobotRunResult result;
        string? cancelledBy = null;
        var log = logs.Open(run.Id, run.RobotName);
        await using (log)
        {
            log.Write(RunLogLevel.Info, null, $"run {run.Id} of {run.RobotName} started on {host.HostName} (attempt {run.Attempt}/{run.MaxAttempts}, {run.Trigger.ToString().ToLowerInvariant()})");
            if (robot is null)
            {
                result = RobotRunResult.Failed($"robot '{run.RobotName}' is no longer declared in the robot files", null, timedOut: false);
                log.Write(RunLogLevel.Error, null, result.Error!);
            }
            else
            {
                var context = new ExecutorContext
                {
                    RunId = run.Id,
                    Robot = robot,
                    RunFolder = files.RunFolder(run.Id),
                    Log = log,
                    Variables = new RunVariables(environment, masker),
                    Masker = masker,
                    Time = time,
                };
                // An operator's cancel (from any host or the dashboard) stops the steps as a stop would.
                using var cancellable = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await using (var watching = cancelRequests.Start(run.Id, cancellable))
                {
                    result = await runner.RunAsync(context, new RunAttempt(run.Attempt, run.MaxAttempts), cancellable.Token);
                    cancelledBy = result.Status == RunStatus.Cancelled ? watching.RequestedBy : null;
                }
            }

            var interrupted = result.Status == RunStatus.Cancelled && command.StopMeansInterrupted && cancelledBy is null;
            var error = result.Error is null ? null : masker.Mask(
                cancelledBy is not null ? $"{TaskRun.CancelledBy(cancelledBy)} ({result.Error})"
                : interrupted ? $"interrupted: the service stopped ({result.Error})" : result.Error);
            var unsaved = await log.DetachUnsavedAsync();
            var outcome = new RunOutcome(
                run.Id,
                run.Host ?? host.HostName,
                result.Status,
                time.GetUtcNow().UtcDateTime,
                error,
                result.FailedStepIndex,
                result.FailedAction,
                result.TimedOut,
                interrupted,
                result.EvidenceFolder,
                result.Evidence.ScreenshotPath,
                unsaved.Select(RunOutcomeLine.From).ToList());

            // Durable first: from here on, however long the store is away, the outcome is not lost and the robot
            // is not executed again for want of it.
            journal.Keep(outcome);
            try
            {
                return await recorder.RecordAsync(outcome, CancellationToken.None)
                    ?? throw VibeException.NotFound($"run {run.Id} is no longer in the store; its outcome was {outcome.Status}");
            }
            catch (Exception ex) when (ex is not VibeException)
            {
                throw new OutcomeNotRecordedException(outcome, journal.PathOf(run.Id), ex);
            }
        }
    }

    private async Task ClaimAsync(TaskRun run, string? definitionHash, CancellationToken cancellationToken)
    {
        if (run.Status != RunStatus.Pending)
        {
            throw VibeException.Conflict($"run {run.Id} is {run.Status}, not Pending");
        }

        var now = time.GetUtcNow().UtcDateTime;
        run.Start(host.HostName, now, now + lease.Duration, definitionHash);
        try
        {
            // Status is a concurrency token: if another worker claimed the run first, this update matches no row.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw VibeException.Conflict($"run {run.Id} was claimed by another worker");
        }
    }
}
