using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Behaviours;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.SweepAbandonedRuns;

/// <summary>
/// Marks Abandoned every Running run whose worker stopped renewing its lease (killed, power loss), so that no run
/// stays Running forever; its robot's retry policy then decides on a new attempt, and its notify policy on a mail.
/// Any service sharing the database may sweep; the status concurrency token makes each run swept once.
/// </summary>
/// <param name="Spare">Runs not to sweep: the one this host's worker is running or recording right now, whose lease only
/// looks expired because the store was away.</param>
public sealed record SweepAbandonedRuns(IReadOnlyCollection<long>? Spare = null) : ICommand<IReadOnlyList<long>>, INotReplayable;

public sealed class SweepAbandonedRunsHandler : ICommandHandler<SweepAbandonedRuns, IReadOnlyList<long>>
{
    private readonly IVibeDbContext _db;
    private readonly IRobotCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly IRunLogFactory _logs;
    private readonly RunFollowUp _followUp;

    public SweepAbandonedRunsHandler(IVibeDbContext db, IRobotCatalog catalog, TimeProvider time, IRunLogFactory logs, RunFollowUp followUp)
    {
        _db = db;
        _catalog = catalog;
        _time = time;
        _logs = logs;
        _followUp = followUp;
    }

    public async ValueTask<IReadOnlyList<long>> Handle(SweepAbandonedRuns command, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var expired = await _db.Runs
            .Where(run => run.Status == RunStatus.Running && run.LeaseExpiresAt < now)
            .OrderBy(run => run.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var catalog = await _catalog.GetAsync(cancellationToken);
        var swept = new List<long>();
        foreach (var run in expired.Where(run => command.Spare?.Contains(run.Id) != true))
        {
            var reason = $"worker lost: {run.Host} stopped renewing its lease (expired {run.LeaseExpiresAt:yyyy-MM-dd HH:mm:ss} UTC)";
            run.Abandon(now, reason);
            await using var log = _logs.Open(run.Id, run.RobotName);
            log.Write(RunLogLevel.Error, null, $"run {run.Id} abandoned: {reason}");
            await _followUp.ApplyAsync(_db, run, catalog.Find(run.RobotName), timedOut: false, log, cancellationToken);
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
                swept.Add(run.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another host swept it, or its worker came back and finished it: either way it is not Running forever.
                _db.Runs.Local.Where(other => other.Id == 0).ToList().ForEach(other => _db.Runs.Remove(other));
            }
        }

        return swept;
    }
}
