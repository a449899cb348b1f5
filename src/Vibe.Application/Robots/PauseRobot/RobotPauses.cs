using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;

namespace Vibe.Application.Robots.PauseRobot;

/// <summary>The pause rule in one place, for the scheduler, the catch-up and the lists.</summary>
public static class RobotPauses
{
    /// <summary>What a fire time of a paused robot is recorded Skipped with.</summary>
    public const string SkipReason = "paused";

    /// <summary>The robot's pause if one is in force at <paramref name="now"/>; a pause whose end has passed is none.</summary>
    public static async Task<RobotPause?> InForceAsync(IVibeDbContext db, string robot, DateTime now, CancellationToken cancellationToken)
    {
        var pause = await db.RobotPauses.AsNoTracking().FirstOrDefaultAsync(p => p.RobotName == robot, cancellationToken);
        return pause is not null && pause.IsInForce(now) ? pause : null;
    }
}
