namespace Vibe.Application.Robots.ListRobots;

/// <summary>A robot as `vibe list-robots --json` and the dashboard's /api/robots write it.</summary>
public sealed record RobotDocument(
    string Name,
    string Description,
    string Executor,
    bool Enabled,
    string? Schedule,
    string? TimeZone,
    DateTimeOffset? NextFireTime,
    bool NeverFires,
    bool Paused,
    DateTime? PausedUntil,
    string? PausedBy,
    string? PauseReason,
    string File)
{
    public static RobotDocument From(RobotSummary robot) => new(
        robot.Name, robot.Description, robot.Executor, robot.Enabled, robot.Schedule, robot.TimeZone, robot.NextFireTime, robot.NeverFires,
        robot.Paused, robot.Paused ? robot.Pause!.PausedUntil : null, robot.Paused ? robot.Pause!.PausedBy : null,
        robot.Paused ? robot.Pause!.Reason : null, robot.SourceFile);
}
