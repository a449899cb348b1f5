using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Robots.PauseRobot;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Schedules.CatchUpMissedFireTimes;

/// <summary>
/// Finds fire times that passed without leaving a row and applies each robot's misfire policy to them: runOnce
/// queues one catch-up run, runAll one per missed time (capped), skip none; every fire time that does not run is
/// recorded as Skipped with the reason. Fire times up to <see cref="Until"/> are considered:
/// <list type="bullet">
/// <item>after the robot's newest recorded fire time (no service ran, or it could not record anything since);</item>
/// <item>gaps inside the look-back <see cref="Window"/> (fire times the scheduler could not record while the store was
/// away, though later ones were), but never before the robot was scheduled with its current cron
/// (<see cref="ScheduledSince"/>), so an edited schedule does not invent fire times it never had;</item>
/// <item>for a robot with no row at all, its fire times since it was scheduled (a new robot's first fire time).</item>
/// </list>
/// </summary>
public sealed record CatchUpMissedFireTimes(DateTime Until) : ICommand<CatchUpReport>
{
    /// <summary>When this service scheduled each robot with its current cron and time zone.</summary>
    public IReadOnlyDictionary<string, DateTime> ScheduledSince { get; init; } = new Dictionary<string, DateTime>();

    /// <summary>
    /// Per robot, the latest fire time the scheduler fired but could not record (the store was away): fire times up to
    /// it are handled now, even if younger than <see cref="Until"/>, since nothing will fire them again.
    /// </summary>
    public IReadOnlyDictionary<string, DateTime> UnrecordedUntil { get; init; } = new Dictionary<string, DateTime>();

    /// <summary>How far back gaps are looked for.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);
}

public sealed record CatchUpReport(int Queued, int Skipped);

public sealed class CatchUpMissedFireTimesHandler(IVibeDbContext db, IRobotCatalog catalog, IScheduleCalendar calendar, TimeProvider time, IRunQueueSignal signal)
    : ICommandHandler<CatchUpMissedFireTimes, CatchUpReport>
{
    /// <summary>The most fire times examined per robot and round; an every-second robot down for a day must not flood history.</summary>
    private const int MaxFireTimesPerRound = 1000;

    public async ValueTask<CatchUpReport> Handle(CatchUpMissedFireTimes command, CancellationToken cancellationToken)
    {
        var robots = await catalog.GetAsync(cancellationToken);
        int queued = 0, skipped = 0;
        foreach (var robot in robots.Robots.Where(robot => robot is { Enabled: true, Schedule: not null }))
        {
            var missed = await MissedFireTimesAsync(robot, command, cancellationToken);
            if (missed.Count == 0)
            {
                continue;
            }

            var paused = await RobotPauses.InForceAsync(db, robot.Name, time.GetUtcNow().UtcDateTime, cancellationToken) is not null;
            var (q, s) = Record(robot, missed, paused);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued += q;
                skipped += s;
            }
            catch (DbUpdateException)
            {
                // Another host recorded some of these fire times meanwhile; the next round sees what is left.
                db.DiscardChanges();
            }
        }

        if (queued > 0)
        {
            signal.Notify();
        }

        return new CatchUpReport(queued, skipped);
    }

    private async Task<List<DateTime>> MissedFireTimesAsync(RobotDefinition robot, CatchUpMissedFireTimes command, CancellationToken cancellationToken)
    {
        var schedule = robot.Schedule!;
        var until = command.UnrecordedUntil.TryGetValue(robot.Name, out var unrecorded) && unrecorded > command.Until ? unrecorded : command.Until;
        var newest = await db.Runs.AsNoTracking()
            .Where(run => run.RobotName == robot.Name && run.ScheduledFireTime != null)
            .MaxAsync(run => run.ScheduledFireTime, cancellationToken);
        var candidates = new SortedSet<DateTime>();
        if (newest is { } last)
        {
            candidates.UnionWith(FireTimes(schedule, last, until));
        }

        if (command.ScheduledSince.TryGetValue(robot.Name, out var since))
        {
            var from = Max(since, until - command.Window);
            var inWindow = FireTimes(schedule, LatestStart(schedule, from, until), until);
            if (inWindow.Count > 0)
            {
                var first = inWindow[0];
                var recorded = await db.Runs.AsNoTracking()
                    .Where(run => run.RobotName == robot.Name && run.ScheduledFireTime >= first && run.ScheduledFireTime <= until)
                    .Select(run => run.ScheduledFireTime!.Value)
                    .ToListAsync(cancellationToken);
                var known = recorded.ToHashSet();
                candidates.UnionWith(inWindow.Where(fireTime => !known.Contains(fireTime)));
            }
        }

        return candidates.Take(MaxFireTimesPerRound).ToList();
    }

    /// <summary>
    /// Where to start listing fire times so that at most about <see cref="MaxFireTimesPerRound"/> of the latest ones
    /// are listed: an every-second robot's day-long window is looked at over its last thousand fire times.
    /// </summary>
    private DateTime LatestStart(RobotSchedule schedule, DateTime from, DateTime until)
    {
        var start = new DateTimeOffset(from, TimeSpan.Zero);
        if (calendar.NextFireTime(schedule, start) is { } first && calendar.NextFireTime(schedule, first) is { } second)
        {
            var period = second - first;
            var span = TimeSpan.FromTicks(period.Ticks * MaxFireTimesPerRound);
            if (period > TimeSpan.Zero && until - from > span)
            {
                return until - span;
            }
        }

        return from;
    }

    /// <summary>Fire times after <paramref name="after"/> up to <paramref name="until"/>, at most <see cref="MaxFireTimesPerRound"/>.</summary>
    private List<DateTime> FireTimes(RobotSchedule schedule, DateTime after, DateTime until)
    {
        var times = new List<DateTime>();
        var cursor = new DateTimeOffset(after, TimeSpan.Zero);
        while (times.Count < MaxFireTimesPerRound && calendar.NextFireTime(schedule, cursor) is { } next && next.UtcDateTime <= until)
        {
            times.Add(next.UtcDateTime);
            cursor = next;
        }

        return times;
    }

    private (int Queued, int Skipped) Record(RobotDefinition robot, List<DateTime> missed, bool paused)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var schedule = robot.Schedule!;
        var toRun = paused ? [] : schedule.Misfire switch
        {
            MisfirePolicy.RunAll => missed.TakeLast(schedule.MaxCatchUpRuns).ToHashSet(),
            MisfirePolicy.RunOnce => [missed[^1]],
            _ => [],
        };

        foreach (var fireTime in missed)
        {
            db.Runs.Add(toRun.Contains(fireTime)
                ? TaskRun.QueueScheduled(robot.Name, fireTime, now, robot.Retry.MaxAttempts)
                : TaskRun.RecordSkipped(robot.Name, fireTime, now, paused ? RobotPauses.SkipReason : SkipReason(schedule, missed[^1])));
        }

        return (toRun.Count, missed.Count - toRun.Count);
    }

    private static string SkipReason(RobotSchedule schedule, DateTime latest) => schedule.Misfire switch
    {
        MisfirePolicy.RunOnce => $"missed (no service was running, or the store was unavailable); one catch-up run covers it (misfire: runOnce, for {latest:yyyy-MM-dd HH:mm:ss} UTC)",
        MisfirePolicy.RunAll => $"missed (no service was running, or the store was unavailable); beyond maxCatchUpRuns {schedule.MaxCatchUpRuns} (misfire: runAll)",
        _ => "missed (no service was running, or the store was unavailable) (misfire: skip)",
    };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
