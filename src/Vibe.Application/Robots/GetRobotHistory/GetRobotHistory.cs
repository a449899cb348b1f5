using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Robots.PauseRobot;
using Vibe.Application.Runs;
using Vibe.Domain.Runs;

namespace Vibe.Application.Robots.GetRobotHistory;

/// <summary>
/// One robot for the control room: its next fire times in its time zone, its pause, and its latest finished runs
/// (success rate and durations for the chart), read newest first along IX_TaskRuns_Robot.
/// </summary>
public sealed record GetRobotHistory(string Robot, int Runs = 30, int FireTimes = 5) : IQuery<RobotHistory>;

/// <param name="SuccessRate">Succeeded among the finished runs shown (Skipped and Cancelled left out); null with none.</param>
public sealed record RobotHistory(
    string Robot,
    string Description,
    string Executor,
    bool Enabled,
    string? Cron,
    string? TimeZone,
    int Steps,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<DateTimeOffset> NextFireTimes,
    RobotPauseState Pause,
    IReadOnlyList<RunSummary> Recent,
    double? SuccessRate);

public sealed class GetRobotHistoryHandler(IVibeDbContext db, IRobotCatalog catalog, IScheduleCalendar calendar, TimeProvider time)
    : IQueryHandler<GetRobotHistory, RobotHistory>
{
    public async ValueTask<RobotHistory> Handle(GetRobotHistory query, CancellationToken cancellationToken)
    {
        var robot = (await catalog.GetAsync(cancellationToken)).Find(query.Robot)
            ?? throw VibeException.NotFound($"no robot named '{query.Robot}' (see vibe list-robots)");
        var now = time.GetUtcNow();
        var fireTimes = new List<DateTimeOffset>();
        if (robot is { Enabled: true, Schedule: { } schedule })
        {
            var cursor = now;
            while (fireTimes.Count < query.FireTimes && calendar.NextFireTime(schedule, cursor) is { } next)
            {
                fireTimes.Add(calendar.ToScheduleTime(schedule, next));
                cursor = next;
            }
        }

        var recent = await db.Runs.AsNoTracking()
            .Where(run => run.RobotName == robot.Name && run.FinishedAt != null)
            .OrderByDescending(run => run.Id)
            .Take(query.Runs)
            .ToListAsync(cancellationToken);
        var counted = recent.Where(run => run.Status is not (RunStatus.Skipped or RunStatus.Cancelled)).ToList();
        double? rate = counted.Count == 0 ? null : (double)counted.Count(run => run.Status == RunStatus.Succeeded) / counted.Count;
        var pause = await db.RobotPauses.AsNoTracking().FirstOrDefaultAsync(p => p.RobotName == robot.Name, cancellationToken);

        return new RobotHistory(
            robot.Name, robot.Description, robot.Executor, robot.Enabled, robot.Schedule?.Cron, robot.Schedule?.TimeZone, robot.Steps.Count,
            robot.Hosts, fireTimes, RobotPauseState.Of(robot.Name, pause, now.UtcDateTime), recent.Select(RunSummary.From).ToList(), rate);
    }
}
