using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs;
using Vibe.Application.Services;
using Vibe.Domain.Runs;
using Vibe.Domain.Services;

namespace Vibe.Application.Overview.GetOverview;

/// <summary>
/// What the control room's first page shows: the live hosts with the run each executes, the runs of the last
/// <see cref="Window"/> by status, the robots whose latest finished run failed, and the next fire times.
/// </summary>
public sealed record GetOverview(TimeSpan StaleAfter, TimeSpan Window) : IQuery<OverviewReport>;

public sealed record OverviewReport(
    IReadOnlyList<LiveHost> Hosts,
    IReadOnlyDictionary<RunStatus, int> LastWindowByStatus,
    IReadOnlyList<RunSummary> Failing,
    IReadOnlyList<UpcomingFire> Upcoming);

public sealed record LiveHost(string Host, int ProcessId, DateTime StartedAt, DateTime HeartbeatAt, RunSummary? CurrentRun, IReadOnlyList<string> Labels);

/// <param name="At">The fire time in the robot's time zone.</param>
public sealed record UpcomingFire(string Robot, DateTimeOffset At, bool Paused);

public sealed class GetOverviewHandler(IVibeDbContext db, IRobotCatalog catalog, IScheduleCalendar calendar, TimeProvider time)
    : IQueryHandler<GetOverview, OverviewReport>
{
    public async ValueTask<OverviewReport> Handle(GetOverview query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var utcNow = now.UtcDateTime;
        var services = await db.ServiceInstances.AsNoTracking()
            .Alive(utcNow, query.StaleAfter)
            .OrderBy(service => service.HostName)
            .ToListAsync(cancellationToken);
        var currentIds = services.Select(service => service.CurrentRunId).OfType<long>().ToList();
        var current = currentIds.Count == 0
            ? []
            : await db.Runs.AsNoTracking().Where(run => currentIds.Contains(run.Id)).ToDictionaryAsync(run => run.Id, cancellationToken);
        var hosts = services
            .Select(service => new LiveHost(
                service.HostName, service.ProcessId, service.StartedAt, service.HeartbeatAt,
                service.CurrentRunId is { } id && current.TryGetValue(id, out var run) ? RunSummary.From(run) : null,
                HostLabels.Parse(service.Labels)))
            .ToList();

        var since = utcNow - query.Window;
        // The window's statuses are read along IX_TaskRuns_QueuedAt and counted here: a GROUP BY in SQL lets SQLite
        // (without statistics) walk the whole status index instead, which at a million runs is most of a second.
        var statuses = await db.Runs.AsNoTracking()
            .Where(run => run.QueuedAt >= since)
            .Select(run => run.Status)
            .ToListAsync(cancellationToken);
        var counts = statuses.GroupBy(status => status).Select(group => new { Status = group.Key, Count = group.Count() }).ToList();

        var robots = await catalog.GetAsync(cancellationToken);
        var failing = new List<RunSummary>();
        foreach (var robot in robots.Robots)
        {
            // Newest first along IX_TaskRuns_Robot: one short read per robot.
            var latest = await db.Runs.AsNoTracking()
                .Where(run => run.RobotName == robot.Name && run.FinishedAt != null && run.Status != RunStatus.Skipped)
                .OrderByDescending(run => run.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.Status.IsFailure())
            {
                failing.Add(RunSummary.From(latest));
            }
        }

        var paused = await db.RobotPauses.AsNoTracking().ToListAsync(cancellationToken);
        var upcoming = robots.Robots
            .Where(robot => robot is { Enabled: true, Schedule: not null })
            .Select(robot => (robot, next: calendar.NextFireTime(robot.Schedule!, now)))
            .Where(pair => pair.next is not null)
            .Select(pair => new UpcomingFire(
                pair.robot.Name,
                calendar.ToScheduleTime(pair.robot.Schedule!, pair.next!.Value),
                paused.Any(pause => string.Equals(pause.RobotName, pair.robot.Name, StringComparison.OrdinalIgnoreCase) && pause.IsInForce(utcNow))))
            .OrderBy(fire => fire.At)
            .Take(20)
            .ToList();

        return new OverviewReport(hosts, counts.ToDictionary(c => c.Status, c => c.Count), failing, upcoming);
    }
}
