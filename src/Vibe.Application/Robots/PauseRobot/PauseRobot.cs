using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;

namespace Vibe.Application.Robots.PauseRobot;

/// <summary>
/// Pauses a robot on every host sharing the store: its fire times are recorded Skipped ("paused") until it is resumed,
/// or until <see cref="Until"/> (UTC) passes. Pausing a paused robot replaces the end, the reason and the author.
/// Runs asked for by a person (run now, rerun) still run: a pause stops the schedule, not the operator.
/// </summary>
/// <param name="By">Who pauses it: recorded with the pause.</param>
public sealed record PauseRobot(string Robot, DateTime? Until, string? Reason, string By) : ICommand<RobotPauseState>;

/// <summary>A robot's pause as the CLI and the dashboard show it; <see cref="Paused"/> is false once it has ended.</summary>
public sealed record RobotPauseState(string Robot, bool Paused, DateTime? PausedUntil, string? Reason, string? PausedBy, DateTime? PausedAt)
{
    public static RobotPauseState NotPaused(string robot) => new(robot, false, null, null, null, null);

    public static RobotPauseState Of(string robot, RobotPause? pause, DateTime now) =>
        pause is not null && pause.IsInForce(now)
            ? new RobotPauseState(robot, true, pause.PausedUntil, pause.Reason, pause.PausedBy, pause.PausedAt)
            : NotPaused(robot);
}

public sealed class PauseRobotHandler(IVibeDbContext db, IRobotCatalog catalog, TimeProvider time) : ICommandHandler<PauseRobot, RobotPauseState>
{
    public async ValueTask<RobotPauseState> Handle(PauseRobot command, CancellationToken cancellationToken)
    {
        var robot = (await catalog.GetAsync(cancellationToken)).Find(command.Robot)
            ?? throw VibeException.NotFound($"no robot named '{command.Robot}' (see vibe list-robots)");
        var now = time.GetUtcNow().UtcDateTime;
        if (command.Until is { } until && until <= now)
        {
            throw VibeException.Invalid($"--until {until:yyyy-MM-dd HH:mm:ss} UTC has already passed; give a time in the future");
        }

        var pause = await db.RobotPauses.FirstOrDefaultAsync(p => p.RobotName == robot.Name, cancellationToken);
        if (pause is null)
        {
            pause = new RobotPause(robot.Name, now, command.Until, command.Reason, command.By);
            db.RobotPauses.Add(pause);
        }
        else
        {
            pause.Set(now, command.Until, command.Reason, command.By);
        }

        await db.SaveChangesAsync(cancellationToken);
        return RobotPauseState.Of(robot.Name, pause, now);
    }
}
