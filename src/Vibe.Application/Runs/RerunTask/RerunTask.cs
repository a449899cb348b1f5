using Mediator;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Runs.RerunTask;

/// <summary>Queues a new run of the same robot as an earlier run, linked to it.</summary>
public sealed record RerunTask(long RunId) : ICommand<RunSummary>
{
    /// <summary>Who asked for the rerun, recorded with it.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Insert the rerun already Running on this host (see <see cref="EnqueueRun.EnqueueRun.StartHere"/>).</summary>
    public bool StartHere { get; init; }
}

public sealed class RerunTaskHandler : ICommandHandler<RerunTask, RunSummary>
{
    private readonly IVibeDbContext _db;
    private readonly IRobotCatalog _catalog;
    private readonly TimeProvider _time;

    private readonly IRunQueueSignal _signal;
    private readonly ForegroundStart _foreground;

    public RerunTaskHandler(IVibeDbContext db, IRobotCatalog catalog, TimeProvider time, IRunQueueSignal signal, ForegroundStart foreground)
    {
        _foreground = foreground;
        _db = db;
        _catalog = catalog;
        _time = time;
        _signal = signal;
    }

    public async ValueTask<RunSummary> Handle(RerunTask command, CancellationToken cancellationToken)
    {
        var original = await _db.Runs.FindAsync([command.RunId], cancellationToken)
            ?? throw VibeException.NotFound($"no run with id {command.RunId}");
        var catalog = await _catalog.GetAsync(cancellationToken);
        var robot = catalog.Find(original.RobotName)
            ?? throw VibeException.NotFound($"run {original.Id} was of robot '{original.RobotName}', which is no longer declared");

        var now = _time.GetUtcNow().UtcDateTime;
        var rerun = original.CreateRerun(now, robot.Retry.MaxAttempts);
        rerun.RequestBy(command.RequestedBy);
        if (command.StartHere)
        {
            _foreground.Start(rerun, robot, now);
        }

        _db.Runs.Add(rerun);
        await _db.SaveChangesAsync(cancellationToken);
        if (!command.StartHere)
        {
            _signal.Notify();
        }
        return RunSummary.From(rerun);
    }
}
