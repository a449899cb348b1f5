using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Robots.ResumeRobot;

/// <summary>Ends a robot's pause on every host: its next fire time runs again. Resuming a robot that is not paused is no error.</summary>
/// <param name="By">Who resumes it (for the answer and the logs).</param>
public sealed record ResumeRobot(string Robot, string By) : ICommand<ResumeOutcome>;

/// <param name="WasPaused">Whether a pause was in force (a pause whose end had passed was already over).</param>
public sealed record ResumeOutcome(string Robot, bool WasPaused);

public sealed class ResumeRobotHandler(IVibeDbContext db, IRobotCatalog catalog, TimeProvider time) : ICommandHandler<ResumeRobot, ResumeOutcome>
{
    public async ValueTask<ResumeOutcome> Handle(ResumeRobot command, CancellationToken cancellationToken)
    {
        var robot = (await catalog.GetAsync(cancellationToken)).Find(command.Robot)
            ?? throw VibeException.NotFound($"no robot named '{command.Robot}' (see vibe list-robots)");
        var pause = await db.RobotPauses.FirstOrDefaultAsync(p => p.RobotName == robot.Name, cancellationToken);
        if (pause is null)
        {
            return new ResumeOutcome(robot.Name, false);
        }

        var wasPaused = pause.IsInForce(time.GetUtcNow().UtcDateTime);
        db.RobotPauses.Remove(pause);
        await db.SaveChangesAsync(cancellationToken);
        return new ResumeOutcome(robot.Name, wasPaused);
    }
}
