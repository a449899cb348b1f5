using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Notifications;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs;

/// <summary>
/// What follows a finished attempt, whoever finished it (the worker, or the sweeper that found its worker
/// gone): the next attempt when the retry policy allows it, and the mails the notify policy asks for. Adds
/// rows to the caller's unit of work, so they are saved in the same transaction as the run's outcome.
/// </summary>
public sealed class RunFollowUp(TimeProvider time, IMailComposer mails)
{
    /// <summary>
    /// Queues the next attempt when the retry policy allows it, and the mails the notify policy asks for, in
    /// <paramref name="db"/>. Returns whether an attempt was queued.
    /// </summary>
    public async Task<bool> ApplyAsync(IVibeDbContext db, TaskRun run, RobotDefinition? robot, bool timedOut, IRunLog log, CancellationToken cancellationToken)
    {
        if (robot is null)
        {
            return false;
        }

        var retryQueued = false;
        if (run.Status.IsFailure() && run.HasAttemptsLeft && robot.Retry.ShouldRetry(timedOut, run.Error))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var delay = robot.Retry.DelayBefore(run.Attempt + 1, Random.Shared.NextDouble());
            var retry = run.CreateRetry(now, now + delay);
            db.Runs.Add(retry);
            retryQueued = true;
            log.Write(RunLogLevel.Warning, null, $"attempt {run.Attempt + 1}/{run.MaxAttempts} queued, due in {Duration.Format(delay)}");
        }

        if (NotificationRules.ShouldNotifyFailure(run, robot, retryQueued))
        {
            QueueMail(db, NotificationKind.Failure, run, robot, log);
        }
        else if (run.Status == RunStatus.Succeeded && robot.Notify.OnRecovery)
        {
            var previous = await db.Runs.AsNoTracking()
                .Where(r => r.RobotName == run.RobotName && r.Id < run.Id && r.FinishedAt != null && r.Status != RunStatus.Skipped && r.Status != RunStatus.Cancelled)
                .OrderByDescending(r => r.Id)
                .Select(r => (RunStatus?)r.Status)
                .FirstOrDefaultAsync(cancellationToken);
            if (NotificationRules.ShouldNotifyRecovery(run, robot, previous))
            {
                QueueMail(db, NotificationKind.Recovery, run, robot, log);
            }
        }

        return retryQueued;
    }

    private void QueueMail(IVibeDbContext db, NotificationKind kind, TaskRun run, RobotDefinition robot, IRunLog log)
    {
        var mail = mails.Compose(kind, run, robot);
        if (mail is null)
        {
            log.Write(RunLogLevel.Warning, null, "no mail queued: no recipients (set VIBE_NOTIFY_TO in .env or \"notify\" on the robot)");
            return;
        }

        db.OutboxMails.Add(mail);
        log.Write(RunLogLevel.Info, null, $"{kind.ToString().ToLowerInvariant()} mail queued for {mail.Recipients}");
    }
}
