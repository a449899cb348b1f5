using System.Runtime.ExceptionServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Behaviours;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Notifications;
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

    public bool AlreadyClaimed => Claimed is not null;

    /// <summary>Executes a run the caller has claimed.</summary>
    public static ExecuteRun ForClaimed(TaskRun claimed) => new(claimed.Id) { Claimed = claimed };
}

public sealed class ExecuteRunHandler : ICommandHandler<ExecuteRun, RunSummary>
{
    private readonly IVibeDbContext _db;
    private readonly IRobotCatalog _catalog;
    private readonly IHostIdentity _host;
    private readonly TimeProvider _time;
    private readonly IRunLogFactory _logs;
    private readonly IRunFiles _files;
    private readonly ISecretMasker _masker;
    private readonly IEnvironmentReader _environment;
    private readonly RobotRunner _runner;
    private readonly RunLeaseOptions _lease;
    private readonly RunFollowUp _followUp;
    private readonly TransientDatabasePolicy _database;

    public ExecuteRunHandler(
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
        RunFollowUp followUp,
        TransientDatabasePolicy database)
    {
        _followUp = followUp;
        _database = database;
        _db = db;
        _catalog = catalog;
        _host = host;
        _time = time;
        _logs = logs;
        _files = files;
        _masker = masker;
        _environment = environment;
        _runner = runner;
        _lease = lease;
    }

    public async ValueTask<RunSummary> Handle(ExecuteRun command, CancellationToken cancellationToken)
    {
        // A run the worker has claimed comes with the command: nothing stands between the claim and the robot
        // runner, which records it Cancelled if a stop comes before its first step.
        var run = command.Claimed is { } claimed
            ? _db.Runs.Attach(claimed).Entity
            : await _db.Runs.FirstOrDefaultAsync(r => r.Id == command.RunId, cancellationToken) ?? throw VibeException.NotFound($"no run with id {command.RunId}");
        var catalog = await _catalog.GetAsync(command.AlreadyClaimed ? CancellationToken.None : cancellationToken);
        var robot = catalog.Find(run.RobotName);

        if (!command.AlreadyClaimed)
        {
            await ClaimAsync(run, robot?.DefinitionHash, cancellationToken);
        }
        else if (robot is not null)
        {
            run.RecordDefinition(robot.DefinitionHash);
        }

        await using var log = _logs.Open(run.Id, run.RobotName);
        log.Write(RunLogLevel.Info, null, $"run {run.Id} of {run.RobotName} started on {_host.HostName} (attempt {run.Attempt}/{run.MaxAttempts}, {run.Trigger.ToString().ToLowerInvariant()})");

        RobotRunResult result;
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
                RunFolder = _files.RunFolder(run.Id),
                Log = log,
                Variables = new RunVariables(_environment, _masker),
                Masker = _masker,
                Time = _time,
            };
            result = await _runner.RunAsync(context, new RunAttempt(run.Attempt, run.MaxAttempts), cancellationToken);
        }

        Finish(run, result);
        await _followUp.ApplyAsync(run, robot, result.TimedOut, log, CancellationToken.None);
        log.Write(result.Status == RunStatus.Succeeded ? RunLogLevel.Info : RunLogLevel.Error, null, $"run {run.Id} {result.Status.ToString().ToLowerInvariant()}{(run.Duration is { } d ? $" after {Domain.Robots.Duration.Format(d)}" : "")}");
        await RecordAsync(log);
        return RunSummary.From(run);
    }

    /// <summary>
    /// Stores the last log lines, then the outcome with the next attempt and the mail (saved together, even when the
    /// caller is stopping: a run is never left Running, a failure never recorded without its notification). Each
    /// gets the transient-error retries, so a store that is busy or briefly away as the run ends does not turn a
    /// finished run into an abandoned one that runs again; log lines that still cannot be stored do not keep the
    /// outcome from being saved, and are reported after it.
    /// </summary>
    private async Task RecordAsync(IRunLog log)
    {
        ExceptionDispatchInfo? logFailure = null;
        try
        {
            await _database.Pipeline.ExecuteAsync(ct => log.FlushAsync(ct), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logFailure = ExceptionDispatchInfo.Capture(ex);
        }

        await _database.Pipeline.ExecuteAsync(async ct => await _db.SaveChangesAsync(ct), CancellationToken.None);
        logFailure?.Throw();
    }

    private async Task ClaimAsync(TaskRun run, string? definitionHash, CancellationToken cancellationToken)
    {
        if (run.Status != RunStatus.Pending)
        {
            throw VibeException.Conflict($"run {run.Id} is {run.Status}, not Pending");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        run.Start(_host.HostName, now, now + _lease.Duration, definitionHash);
        try
        {
            // Status is a concurrency token: if another worker claimed the run first, this update matches no row.
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw VibeException.Conflict($"run {run.Id} was claimed by another worker");
        }
    }

    private void Finish(TaskRun run, RobotRunResult result)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var error = result.Error is null ? null : _masker.Mask(result.Error);
        switch (result.Status)
        {
            case RunStatus.Succeeded:
                run.Succeed(now);
                break;
            case RunStatus.Cancelled:
                run.Cancel(now, error ?? "cancelled");
                break;
            case RunStatus.SessionUnavailable:
                run.MarkSessionUnavailable(now, error ?? "session unavailable");
                break;
            default:
                run.Fail(now, error ?? "failed", result.FailedStepIndex, result.FailedAction);
                break;
        }

        run.AttachEvidence(result.EvidenceFolder, result.Evidence.ScreenshotPath);
    }
}
