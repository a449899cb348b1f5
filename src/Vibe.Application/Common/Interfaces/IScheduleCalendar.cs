using Vibe.Domain.Robots;

namespace Vibe.Application.Common.Interfaces;

/// <summary>Understands cron expressions and time zones (implemented over Quartz).</summary>
public interface IScheduleCalendar
{
    /// <summary>Null when the expression is valid, else why not.</summary>
    string? ValidateCron(string cron);

    /// <summary>Null when the time zone id is known (IANA or Windows id), else why not.</summary>
    string? ValidateTimeZone(string timeZone);

    /// <summary>The next fire time strictly after <paramref name="after"/>, in UTC; null if it never fires again.</summary>
    DateTimeOffset? NextFireTime(RobotSchedule schedule, DateTimeOffset after);

    /// <summary>The same instant in the schedule's time zone, for display.</summary>
    DateTimeOffset ToScheduleTime(RobotSchedule schedule, DateTimeOffset instant);
}
