using Mediator;
using Vibe.Application.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Robots.PauseRobot;
using Vibe.Application.Services;
using Vibe.Domain.Robots;
using Vibe.Domain.Services;

namespace Vibe.Application.Robots.ListRobots;

/// <summary>The declared robots with their schedules and next fire times.</summary>
/// <param name="WithPauses">Read each robot's pause from the store too (the store must exist); false reads only the robot files.</param>
public sealed record ListRobots(bool WithPauses = false) : IQuery<IReadOnlyList<RobotSummary>>
{
    /// <summary>Also read the live services and say which may run each robot (the dashboard's robots page).</summary>
    public bool WithRunners { get; init; }
}

/// <param name="NextFireTime">The next fire time in the robot's time zone; null when it has no schedule, is disabled or never fires.</param>
/// <param name="NeverFires">It has a schedule whose cron never fires again (0 0 0 31 2 ?).</param>
public sealed record RobotSummary(
    string Name,
    string Description,
    string Executor,
    bool Enabled,
    string? Schedule,
    string? TimeZone,
    DateTimeOffset? NextFireTime,
    string SourceFile,
    bool NeverFires = false)
{
    /// <summary>Whether an operator's pause is in force (vibe pause); only read with <see cref="ListRobots.WithPauses"/>.</summary>
    public RobotPauseState? Pause { get; init; }

    public bool Paused => Pause?.Paused == true;

    /// <summary>The robot's "hosts" pins; empty: any host.</summary>
    public IReadOnlyList<string> Pins { get; init; } = [];

    /// <summary>The live services' hosts that may run it (the pinning rule); only read with <see cref="ListRobots.WithRunners"/>.</summary>
    public IReadOnlyList<string>? Runners { get; init; }
}

public sealed class ListRobotsHandler : IQueryHandler<ListRobots, IReadOnlyList<RobotSummary>>
{
    private readonly IRobotCatalog _catalog;
    private readonly IScheduleCalendar _calendar;
    private readonly TimeProvider _time;
    private readonly IVibeDbContext _db;

    // A context opens no connection until it is asked something: without WithPauses the store is not touched.
    public ListRobotsHandler(IRobotCatalog catalog, IScheduleCalendar calendar, TimeProvider time, IVibeDbContext db)
    {
        _catalog = catalog;
        _calendar = calendar;
        _time = time;
        _db = db;
    }

    public async ValueTask<IReadOnlyList<RobotSummary>> Handle(ListRobots query, CancellationToken cancellationToken)
    {
        var catalog = await _catalog.GetAsync(cancellationToken);
        if (!catalog.IsValid)
        {
            throw VibeException.Invalid(
                $"the robot files have {catalog.Errors.Count} error(s); run vibe validate",
                catalog.Errors.Select(error => error.ToString()).ToList());
        }

        var now = _time.GetUtcNow();
        var pauses = new Dictionary<string, RobotPause>(StringComparer.OrdinalIgnoreCase);
        if (query.WithPauses)
        {
            foreach (var pause in await _db.RobotPauses.AsNoTracking().ToListAsync(cancellationToken))
            {
                pauses[pause.RobotName] = pause;
            }
        }

        var live = query.WithRunners
            ? await _db.ServiceInstances.AsNoTracking().Alive(now.UtcDateTime, ServiceLiveness.StaleAfter).OrderBy(service => service.HostName).ToListAsync(cancellationToken)
            : [];
        return catalog.Robots
            .Select(robot =>
            {
                DateTimeOffset? next = null;
                var never = false;
                if (robot is { Enabled: true, Schedule: { } schedule })
                {
                    var fire = _calendar.NextFireTime(schedule, now);
                    next = fire is { } at ? _calendar.ToScheduleTime(schedule, at) : null;
                    never = fire is null;
                }

                return new RobotSummary(
                    robot.Name, robot.Description, robot.Executor, robot.Enabled, robot.Schedule?.Cron, robot.Schedule?.TimeZone, next, robot.SourceFile, never)
                {
                    Pause = query.WithPauses ? RobotPauseState.Of(robot.Name, pauses.GetValueOrDefault(robot.Name), now.UtcDateTime) : null,
                    Pins = robot.Hosts,
                    Runners = query.WithRunners
                        ? live.Where(service => robot.MayRunOn(service.HostName, HostLabels.Parse(service.Labels))).Select(service => service.HostName).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                        : null,
                };
            })
            .ToList();
    }
}
