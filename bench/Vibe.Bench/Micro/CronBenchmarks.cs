using BenchmarkDotNet.Attributes;
using Vibe.Domain.Robots;
using Vibe.Infrastructure.Scheduling;

namespace Vibe.Bench.Micro;

/// <summary>
/// Next fire times of the shipped daily-report schedule (weekdays 07:30 in Europe/Paris) through vibe's Quartz
/// calendar: one, as `vibe list` asks per robot, and ten in a row, as catching up missed fire times walks them.
/// </summary>
[MemoryDiagnoser]
public class CronBenchmarks
{
    private static readonly RobotSchedule Schedule = new("0 30 7 ? * MON-FRI", "Europe/Paris");

    // A fixed instant, so every run of the benchmark crosses the same days (and the end of summer time).
    private static readonly DateTimeOffset After = new(2025, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly QuartzScheduleCalendar _calendar = new();

    // What the calendar's calls cost beyond the walk itself: the expression parsed and the zone found once.
    private readonly Quartz.CronExpression _parsedOnce = QuartzScheduleCalendar.Expression(Schedule);

    [Benchmark(Description = "QuartzScheduleCalendar.NextFireTime, cron with a time zone")]
    public DateTimeOffset? NextFireTime() => _calendar.NextFireTime(Schedule, After);

    [Benchmark(Description = "CronExpression.GetNextValidTimeAfter, parsed once (for comparison)")]
    public DateTimeOffset? NextFireTimeParsedOnce() => _parsedOnce.GetNextValidTimeAfter(After);

    [Benchmark(Description = "10 consecutive fire times (the catch-up walk)")]
    public DateTimeOffset? TenFireTimes()
    {
        var cursor = After;
        for (var i = 0; i < 10; i++)
        {
            cursor = _calendar.NextFireTime(Schedule, cursor) ?? throw new InvalidOperationException("the schedule never fires");
        }

        return cursor;
    }
}
