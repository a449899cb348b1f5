using Mediator;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.EnqueueRun;

/// <summary>Queues a Pending run of a robot. A worker (or <c>vibe run-now</c> in the foreground) executes it.</summary>
/// <param name="Robot">The robot's name, as declared.</param>
/// <param name="Trigger">Manual or Scheduled; reruns and retries have their own commands.</param>
/// <param name="ScheduledFireTime">For a scheduled run, the fire time it stands for (UTC); queued once per robot.</param>
public sealed record EnqueueRun(string Robot, TriggerKind Trigger = TriggerKind.Manual, DateTime? ScheduledFireTime = null) : ICommand<RunSummary>
{
    /// <summary>Who asked for the run (an account name, a dashboard user), recorded with it.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>
    /// Insert the run already Running on this host (`vibe run-now` in the foreground): it is never Pending in the store,
    /// so a live service sharing the store cannot claim it between the insert and the foreground's own start.
    /// </summary>
    public bool StartHere { get; init; }
}

public sealed class EnqueueRunHandler : ICommandHandler<EnqueueRun, RunSummary>
{
    private readonly IVibeDbContext _db;
    private readonly IRobotCatalog _catalog;
    private readonly TimeProvider _time;

    private readonly IRunQueueSignal _signal;
    private readonly ForegroundStart _foreground;

    public EnqueueRunHandler(IVibeDbContext db, IRobotCatalog catalog, TimeProvider time, IRunQueueSignal signal, ForegroundStart foreground)
    {
        _foreground = foreground;
        _db = db;
        _catalog = catalog;
        _time = time;
        _signal = signal;
    }

    public async ValueTask<RunSummary> Handle(EnqueueRun command, CancellationToken cancellationToken)
    {
        var catalog = await _catalog.GetAsync(cancellationToken);
        var robot = catalog.Find(command.Robot)
            ?? throw VibeException.NotFound($"no robot named '{command.Robot}' (see vibe list-robots)");

        var now = _time.GetUtcNow().UtcDateTime;
        var run = command.ScheduledFireTime is { } fireTime
            ? TaskRun.QueueScheduled(robot.Name, fireTime, now, robot.Retry.MaxAttempts)
            : TaskRun.Queue(robot.Name, command.Trigger, now, robot.Retry.MaxAttempts);
        run.RequestBy(command.RequestedBy);
        if (command.StartHere)
        {
            _foreground.Start(run, robot, now);
        }

        _db.Runs.Add(run);
        await _db.SaveChangesAsync(cancellationToken);
        if (!command.StartHere)
        {
            _signal.Notify();
        }
        return RunSummary.From(run);
    }
}
