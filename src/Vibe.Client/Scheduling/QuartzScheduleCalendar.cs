using Quartz;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Common.TimeZones;
using Vibe.Domain.Robots;

namespace Vibe.Infrastructure.Scheduling;

/// <summary>Cron and time zones as Quartz understands them, so what validates is exactly what fires.</summary>
internal sealed class QuartzScheduleCalendar : IScheduleCalendar
{
    public string? ValidateCron(string cron)
    {
        try
        {
            _ = CronExpression.Parse(cron);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message.TrimEnd('.') + " (Quartz format has 6 or 7 fields, seconds first: \"0 30 7 ? * MON-FRI\")";
        }
    }

    public string? ValidateTimeZone(string timeZone) =>
        TryFindZone(timeZone, out _) ? null : $"time zone '{timeZone}' is not known (use an IANA id such as Europe/Paris, or UTC)";

    public DateTimeOffset? NextFireTime(RobotSchedule schedule, DateTimeOffset after)
    {
        var expression = Expression(schedule);
        return expression.GetNextValidTimeAfter(after)?.ToUniversalTime();
    }

    public DateTimeOffset ToScheduleTime(RobotSchedule schedule, DateTimeOffset instant) =>
        TryFindZone(schedule.TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone) : instant;

    public static CronExpression Expression(RobotSchedule schedule)
    {
        var expression = CronExpression.Parse(schedule.Cron);
        return TryFindZone(schedule.TimeZone, out var zone) ? expression.WithTimeZone(zone) : expression;
    }

    public static bool TryFindZone(string id, out TimeZoneInfo zone) => TimeZoneIds.TryFind(id, out zone);
}
