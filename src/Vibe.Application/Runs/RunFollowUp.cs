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
public sealed class RunFollowUp
{
    private readonly IVibeDbContext _db;
    private readonly TimeProvider _time;
    private readonly IMailComposer _mails;

    public RunFollowUp(IVibeDbContext db, TimeProvider time, IMailComposer mails)
    {
        _db = db;
        _time = time;
        _mails = mails;
    }

    /// <summary>Queues the next attempt when the retry policy allows it, and the mails the notify policy asks for.</summary>
    public async Task ApplyAsync(TaskRun run, RobotDefinition? robot, bool timedOut, IRunLog log, CancellationToken cancellationToken)
    {
        if (robot is null)
        {
            return;
        }

        var retryQueued = false;
        if (run.Status.IsFailure() && run.HasAttemptsLeft && robot.Retry.ShouldRetry(timedOut, run.Error))
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var delay = robot.Retry.DelayBefore(run.Attempt + 1, Random.Shared.NextDouble());
            var retry = run.CreateRetry(now, now + delay);
            _db.Runs.Add(retry);
            retryQueued = true;
            log.Write(RunLogLevel.Warning, null, $"attempt {run.Attempt + 1}/{run.MaxAttempts} queued, due in {Duration.Format(delay)}");
        }

        if (NotificationRules.ShouldNotifyFailure(run, robot, retryQueued))
        {
            QueueMail(NotificationKind.Failure, run, robot, log);
        }
        else if (run.Status == RunStatus.Succeeded && robot.Notify.OnRecovery)
        {
            var previous = await _db.Runs.AsNoTracking()
                .Where(r => r.RobotName == run.RobotName && r.Id < run.Id && r.FinishedAt != null && r.Status != RunStatus.Skipped && r.Status != RunStatus.Cancelled)
                .OrderByDescending(r => r.Id)
                .Select(r => (RunStatus?)r.Status)
                .FirstOrDefaultAsync(cancellationToken);
            if (NotificationRules.ShouldNotifyRecovery(run, robot, previous))
            {
                QueueMail(NotificationKind.Recovery, run, robot, log);
            }
        }
    }

    private void QueueMail(NotificationKind kind, TaskRun run, RobotDefinition robot, IRunLog log)
    {
        var mail = _mails.Compose(kind, run, robot);
        if (mail is null)
        {
            log.Write(RunLogLevel.Warning, null, "no mail queued: no recipients (set VIBE_NOTIFY_TO in .env or \"notify\" on the robot)");
            return;
        }

        _db.OutboxMails.Add(mail);
        log.Write(RunLogLevel.Info, null, $"{kind.ToString().ToLowerInvariant()} mail queued for {mail.Recipients}");
    }
}
