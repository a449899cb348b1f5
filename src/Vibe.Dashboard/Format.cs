using Vibe.Application.Runs;

using System.Globalization;

namespace Vibe.Dashboard;

/// <summary>How times and durations read on the pages: the dashboard machine's local time with its offset.</summary>
internal static class Format
{
    public static string Time(DateTime? utc) =>
        utc is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    /// <summary>A fire time in the robot's own time zone, with its offset.</summary>
    public static string Zoned(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    public static string Took(RunSummary run) => run.StartedAt is { } start && run.FinishedAt is { } end ? Duration(end - start) : "-";

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => $"{span.TotalMilliseconds:0} ms",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s"),
        < 3600 => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
