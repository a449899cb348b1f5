using Vibe.Domain.Common;

namespace Vibe.Domain.Runs;

/// <summary>
/// One execution (or one attempt) of a robot. The state machine lives here: a run is queued
/// Pending, claimed Running by exactly one worker, and ends in exactly one finished status.
/// All times are UTC.
/// </summary>
public sealed class TaskRun
{
    private TaskRun(string robotName, TriggerKind trigger, DateTime queuedAt)
    {
        RobotName = robotName;
        Trigger = trigger;
        QueuedAt = queuedAt;
        DueAt = queuedAt;
        Priority = trigger.QueuePriority();
        Status = RunStatus.Pending;
        Attempt = 1;
        MaxAttempts = 1;
    }

    public long Id { get; private set; }

    public string RobotName { get; private set; }

    public RunStatus Status { get; private set; }

    public TriggerKind Trigger { get; private set; }

    /// <summary>0 for runs a person asked for, 1 for scheduled work: lower is claimed first.</summary>
    public int Priority { get; private set; }

    /// <summary>1 for a first attempt; a retry counts on from the attempt it follows.</summary>
    public int Attempt { get; private set; }

    /// <summary>The robot's maxAttempts when this run was queued, so "2/3" stays true after an edit.</summary>
    public int MaxAttempts { get; private set; }

    /// <summary>The run that <c>vibe rerun</c> repeated.</summary>
    public long? RerunOfId { get; private set; }

    /// <summary>For a retry: the first attempt of the chain.</summary>
    public long? RetryOfId { get; private set; }

    /// <summary>The schedule's fire time this run stands for; unique per robot, so a fire time is queued once.</summary>
    public DateTime? ScheduledFireTime { get; private set; }

    public DateTime QueuedAt { get; private set; }

    /// <summary>Not claimed before this time (a retry waits out its back-off).</summary>
    public DateTime DueAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>The host that claimed it.</summary>
    public string? Host { get; private set; }

    /// <summary>The worker renews this while it runs; past it, another host may mark the run Abandoned.</summary>
    public DateTime? LeaseExpiresAt { get; private set; }

    public string? Error { get; private set; }

    public int? FailedStepIndex { get; private set; }

    public string? FailedAction { get; private set; }

    public string? ScreenshotPath { get; private set; }

    public string? EvidencePath { get; private set; }

    /// <summary>Hash of the robot definition the run executed, so history shows which version ran.</summary>
    public string? DefinitionHash { get; private set; }

    /// <summary>Who asked for this run (run now, rerun): an account name or a dashboard user; null for scheduled work.</summary>
    public string? RequestedBy { get; private set; }

    /// <summary>
    /// Set when an operator asked to cancel this run while it was Running: the worker running it, on whichever host,
    /// notices within about a second, stops its steps and records it Cancelled "by" this person.
    /// </summary>
    public string? CancelRequestedBy { get; private set; }

    public DateTime? CancelRequestedAt { get; private set; }

    public static TaskRun Queue(string robotName, TriggerKind trigger, DateTime now, int maxAttempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(robotName);
        return new TaskRun(robotName, trigger, now) { MaxAttempts = Math.Max(1, maxAttempts) };
    }

    public static TaskRun QueueScheduled(string robotName, DateTime fireTime, DateTime now, int maxAttempts)
    {
        var run = Queue(robotName, TriggerKind.Scheduled, now, maxAttempts);
        run.ScheduledFireTime = fireTime;
        return run;
    }

    /// <summary>A new run of the same robot, linked to the one an operator asked to repeat.</summary>
    public TaskRun CreateRerun(DateTime now, int maxAttempts)
    {
        var run = Queue(RobotName, TriggerKind.Rerun, now, maxAttempts);
        run.RerunOfId = Id;
        return run;
    }

    /// <summary>The next attempt after this failed one; it is not claimed before <paramref name="dueAt"/>.</summary>
    public TaskRun CreateRetry(DateTime now, DateTime dueAt)
    {
        if (!Status.IsFailure())
        {
            throw new DomainException($"run {Id} is {Status}; only a failed attempt is retried");
        }

        if (Attempt >= MaxAttempts)
        {
            throw new DomainException($"run {Id} was attempt {Attempt} of {MaxAttempts}; no attempts are left");
        }

        var run = Queue(RobotName, TriggerKind.Retry, now, MaxAttempts);
        run.Attempt = Attempt + 1;
        run.RetryOfId = RetryOfId ?? Id;
        run.RerunOfId = RerunOfId;
        run.ScheduledFireTime = null;
        run.DueAt = dueAt < now ? now : dueAt;
        return run;
    }

    /// <summary>
    /// The same attempt again after the service stopped during this one: first in the queue, same attempt number (an
    /// interruption is not the robot's failure), linked into the attempt chain.
    /// </summary>
    public TaskRun CreateResumption(DateTime now)
    {
        if (Status != RunStatus.Cancelled)
        {
            throw new DomainException($"run {Id} is {Status}; only an interrupted (Cancelled) run is resumed");
        }

        var run = Queue(RobotName, TriggerKind.Resumed, now, MaxAttempts);
        run.Attempt = Attempt;
        run.RetryOfId = RetryOfId ?? Id;
        run.RerunOfId = RerunOfId;
        return run;
    }

    /// <summary>A fire time that will not run, kept in history with the reason.</summary>
    public static TaskRun RecordSkipped(string robotName, DateTime fireTime, DateTime now, string reason)
    {
        var run = QueueScheduled(robotName, fireTime, now, 1);
        run.Status = RunStatus.Skipped;
        run.FinishedAt = now;
        run.Error = reason;
        return run;
    }

    public bool HasAttemptsLeft => Attempt < MaxAttempts;

    /// <summary>Records who asked for this run (run now, rerun).</summary>
    public void RequestBy(string? who) => RequestedBy = string.IsNullOrWhiteSpace(who) ? null : who.Trim();

    /// <summary>
    /// An operator's cancel: a Pending run is withdrawn at once; a Running one gets the request, which its worker
    /// honours. Returns whether the run is finished now.
    /// </summary>
    public bool RequestCancel(string by, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (Status.IsFinished())
        {
            throw new DomainException($"run {Id} is already {Status}");
        }

        if (Status == RunStatus.Pending)
        {
            Cancel(now, CancelledBy(by));
            CancelRequestedBy = by;
            CancelRequestedAt = now;
            return true;
        }

        CancelRequestedBy ??= by;
        CancelRequestedAt ??= now;
        return false;
    }

    /// <summary>The reason a run cancelled by an operator ends with.</summary>
    public static string CancelledBy(string who) => $"cancelled by {who}";

    public void Start(string host, DateTime now, DateTime leaseExpiresAt, string? definitionHash)
    {
        EnsureStatus(RunStatus.Pending, "start");
        Status = RunStatus.Running;
        Host = host;
        StartedAt = now;
        LeaseExpiresAt = leaseExpiresAt;
        DefinitionHash = definitionHash;
    }

    public void RecordDefinition(string definitionHash) => DefinitionHash = definitionHash;

    public void RenewLease(DateTime leaseExpiresAt)
    {
        EnsureStatus(RunStatus.Running, "renew the lease of");
        LeaseExpiresAt = leaseExpiresAt;
    }

    public void Succeed(DateTime now) => Finish(RunStatus.Succeeded, now, null);

    public void Fail(DateTime now, string error, int? stepIndex, string? action)
    {
        Finish(RunStatus.Failed, now, error);
        FailedStepIndex = stepIndex;
        FailedAction = action;
    }

    public void MarkSessionUnavailable(DateTime now, string reason) => Finish(RunStatus.SessionUnavailable, now, reason);

    public void Abandon(DateTime now, string reason) => Finish(RunStatus.Abandoned, now, reason);

    /// <summary>Cancels a running run, or withdraws a queued one.</summary>
    public void Cancel(DateTime now, string reason)
    {
        if (Status.IsFinished())
        {
            throw new DomainException($"run {Id} is already {Status}");
        }

        Status = RunStatus.Cancelled;
        FinishedAt = now;
        LeaseExpiresAt = null;
        Error = reason;
    }

    public void AttachEvidence(string? evidencePath, string? screenshotPath)
    {
        EvidencePath = evidencePath ?? EvidencePath;
        ScreenshotPath = screenshotPath ?? ScreenshotPath;
    }

    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;

    private void Finish(RunStatus status, DateTime now, string? error)
    {
        EnsureStatus(RunStatus.Running, $"mark {status}");
        Status = status;
        FinishedAt = now;
        LeaseExpiresAt = null;
        Error = error;
    }

    private void EnsureStatus(RunStatus expected, string verb)
    {
        if (Status != expected)
        {
            throw new DomainException($"cannot {verb} run {Id}: it is {Status}, not {expected}");
        }
    }
}
