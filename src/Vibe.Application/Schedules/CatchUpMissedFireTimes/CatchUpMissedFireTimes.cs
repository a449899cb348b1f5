using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Schedules.CatchUpMissedFireTimes;

/// <summary>
/// Finds fire times that passed without being recorded (the service was down, or a fire was lost) and applies
/// each robot's misfire policy: runOnce queues one catch-up run, runAll one per missed time (capped), skip none;
/// every fire time that does not run is recorded as Skipped with the reason. Fire times up to
/// <see cref="Until"/> are considered; a robot with no recorded fire time yet has nothing to catch up.
/// </summary>
public sealed record CatchUpMissedFireTimes(DateTime Until) : ICommand<CatchUpReport>;

public sealed record CatchUpReport(int Queued, int Skipped);

public sealed class CatchUpMissedFireTimesHandler : ICommandHandler<CatchUpMissedFireTimes, CatchUpReport>
{
    /// <summary>The most fire times examined per robot and round; an every-second robot down for a day must not flood history.</summary>
    private const int MaxFireTimesPerRound = 1000;

    private readonly IVibeDbContext _db;
    private readonly IRobotCatalog _catalog;
    private readonly IScheduleCalendar _calendar;
    private readonly TimeProvider _time;
    private readonly IRunQueueSignal _signal;

    public CatchUpMissedFireTimesHandler(IVibeDbContext db, IRobotCatalog catalog, IScheduleCalendar calendar, TimeProvider time, IRunQueueSignal signal)
    {
        _db = db;
        _catalog = catalog;
        _calendar = calendar;
        _time = time;
        _signal = signal;
    }

    public async ValueTask<CatchUpReport> Handle(CatchUpMissedFireTimes command, CancellationToken cancellationToken)
    {
        var catalog = await _catalog.GetAsync(cancellationToken);
        int queued = 0, skipped = 0;
        foreach (var robot in catalog.Robots.Where(robot => robot is { Enabled: true, Schedule: not null }))
        {
            var last = await _db.Runs.AsNoTracking()
                .Where(run => run.RobotName == robot.Name && run.ScheduledFireTime != null)
                .MaxAsync(run => run.ScheduledFireTime, cancellationToken);
            if (last is null)
            {
                continue;
            }

            var missed = MissedFireTimes(robot.Schedule!, last.Value, command.Until);
            if (missed.Count == 0)
            {
                continue;
            }

            var (q, s) = Record(robot, missed);
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
                queued += q;
                skipped += s;
            }
            catch (DbUpdateException)
            {
                // Another host recorded some of these fire times meanwhile; the next round sees what is left.
                foreach (var entry in _db.Runs.Local.Where(run => run.Id == 0).ToList())
                {
                    _db.Runs.Remove(entry);
                }
            }
        }

        if (queued > 0)
        {
            _signal.Notify();
        }

        return new CatchUpReport(queued, skipped);
    }

    private List<DateTime> MissedFireTimes(RobotSchedule schedule, DateTime last, DateTime until)
    {
        var missed = new List<DateTime>();
        var cursor = new DateTimeOffset(last, TimeSpan.Zero);
        while (missed.Count < MaxFireTimesPerRound && _calendar.NextFireTime(schedule, cursor) is { } next && next.UtcDateTime <= until)
        {
            missed.Add(next.UtcDateTime);
            cursor = next;
        }

        return missed;
    }

    private (int Queued, int Skipped) Record(RobotDefinition robot, List<DateTime> missed)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var schedule = robot.Schedule!;
        var toRun = schedule.Misfire switch
        {
            MisfirePolicy.RunAll => missed.TakeLast(schedule.MaxCatchUpRuns).ToHashSet(),
            MisfirePolicy.RunOnce => [missed[^1]],
            _ => [],
        };

        foreach (var fireTime in missed)
        {
            _db.Runs.Add(toRun.Contains(fireTime)
                ? TaskRun.QueueScheduled(robot.Name, fireTime, now, robot.Retry.MaxAttempts)
                : TaskRun.RecordSkipped(robot.Name, fireTime, now, SkipReason(schedule, fireTime, missed[^1])));
        }

        return (toRun.Count, missed.Count - toRun.Count);
    }

    private static string SkipReason(RobotSchedule schedule, DateTime fireTime, DateTime latest) => schedule.Misfire switch
    {
        MisfirePolicy.RunOnce => $"missed while no service was running; one catch-up run covers it (misfire: runOnce, for {latest:yyyy-MM-dd HH:mm:ss} UTC)",
        MisfirePolicy.RunAll => $"missed while no service was running; beyond maxCatchUpRuns {schedule.MaxCatchUpRuns} (misfire: runAll)",
        _ => "missed while no service was running (misfire: skip)",
    };
}
