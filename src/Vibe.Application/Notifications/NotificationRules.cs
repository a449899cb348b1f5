using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Notifications;

/// <summary>When a person is told: once per failed chain by default, on every attempt if asked, and on recovery if asked.</summary>
public static class NotificationRules
{
    /// <param name="retryQueued">Whether another attempt of the same chain was queued.</param>
    public static bool ShouldNotifyFailure(TaskRun run, RobotDefinition robot, bool retryQueued) =>
        run.Status.IsFailure() && (robot.Notify.OnEveryAttempt || !retryQueued);

    /// <param name="previousStatus">The status of the robot's previous finished run (null for its first run).</param>
    public static bool ShouldNotifyRecovery(TaskRun run, RobotDefinition robot, RunStatus? previousStatus) =>
        run.Status == RunStatus.Succeeded && robot.Notify.OnRecovery && previousStatus is { } previous && previous.IsFailure();
}
