using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Robots.PauseRobot;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Schedules.EnqueueScheduledRun;

/// <summary>
/// A schedule fired: queue the run for that fire time, once, whatever the number of schedulers that fired it.
/// When the robot is still queued or running, its overlap policy decides: skip (recorded) or queue behind.
/// </summary>
public sealed record EnqueueScheduledRun(string Robot, DateTime FireTime) : ICommand<ScheduledRunOutcome>;

public enum ScheduledRunDecision
{
    Queued,
    Skipped,
    AlreadyRecorded,
    UnknownRobot,
}

public sealed record ScheduledRunOutcome(ScheduledRunDecision Decision, long? RunId, string? Reason);

public sealed class EnqueueScheduledRunHandler : ICommandHandler<EnqueueScheduledRun, ScheduledRunOutcome>
{
    private readonly IVibeDbContext _db;
    private readonly IRobotCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly IRunQueueSignal _signal;

    public EnqueueScheduledRunHandler(IVibeDbContext db, IRobotCatalog catalog, TimeProvider time, IRunQueueSignal signal)
    {
        _db = db;
        _catalog = catalog;
        _time = time;
        _signal = signal;
    }

    public async ValueTask<ScheduledRunOutcome> Handle(EnqueueScheduledRun command, CancellationToken cancellationToken)
    {
        var robot = (await _catalog.GetAsync(cancellationToken)).Find(command.Robot);
        if (robot is null)
        {
            return new ScheduledRunOutcome(ScheduledRunDecision.UnknownRobot, null, $"robot '{command.Robot}' is no longer declared");
        }

        if (await AlreadyRecordedAsync(robot.Name, command.FireTime, cancellationToken))
        {
            return new ScheduledRunOutcome(ScheduledRunDecision.AlreadyRecorded, null, null);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var busy = await _db.Runs.AsNoTracking()
            .Where(run => run.RobotName == robot.Name && (run.Status == RunStatus.Pending || run.Status == RunStatus.Running))
            .OrderBy(run => run.Id)
            .Select(run => new { run.Id, run.Status })
            .FirstOrDefaultAsync(cancellationToken);

        TaskRun row;
        string? reason = null;
        if (await RobotPauses.InForceAsync(_db, robot.Name, now, cancellationToken) is not null)
        {
            // Paused by an operator (vibe pause, the dashboard): the fire time is kept in history, not run.
            reason = RobotPauses.SkipReason;
            row = TaskRun.RecordSkipped(robot.Name, command.FireTime, now, reason);
        }
        else if (busy is not null && robot.Schedule?.Overlap != OverlapPolicy.Queue)
        {
            reason = $"run {busy.Id} was still {busy.Status.ToString().ToLowerInvariant()} (overlap: skip)";
            row = TaskRun.RecordSkipped(robot.Name, command.FireTime, now, reason);
        }
        else
        {
            row = TaskRun.QueueScheduled(robot.Name, command.FireTime, now, robot.Retry.MaxAttempts);
        }

        _db.Runs.Add(row);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another scheduler recorded this fire time first: the unique key did its job.
            if (await AlreadyRecordedAsync(robot.Name, command.FireTime, cancellationToken))
            {
                return new ScheduledRunOutcome(ScheduledRunDecision.AlreadyRecorded, null, null);
            }

            throw;
        }

        if (row.Status == RunStatus.Pending)
        {
            _signal.Notify();
            return new ScheduledRunOutcome(ScheduledRunDecision.Queued, row.Id, null);
        }

        return new ScheduledRunOutcome(ScheduledRunDecision.Skipped, row.Id, reason);
    }

    private Task<bool> AlreadyRecordedAsync(string robot, DateTime fireTime, CancellationToken cancellationToken) =>
        _db.Runs.AsNoTracking().AnyAsync(run => run.RobotName == robot && run.ScheduledFireTime == fireTime, cancellationToken);
}
