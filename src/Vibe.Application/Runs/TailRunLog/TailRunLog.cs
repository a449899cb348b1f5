using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.TailRunLog;

/// <summary>
/// A run's log lines after <see cref="AfterLineId"/> and its status now: what a live tail asks once a second while the
/// run is Running (one read of the run by key and one of its lines along IX_RunLogs_Run).
/// </summary>
public sealed record TailRunLog(long RunId, long AfterLineId, int MaxLines = 500) : IQuery<RunLogTail>;

public sealed record RunLogTail(RunStatus Status, IReadOnlyList<TailLine> Lines);

public sealed record TailLine(long Id, DateTime Time, RunLogLevel Level, int? StepIndex, string Message);

public sealed class TailRunLogHandler(IVibeDbContext db) : IQueryHandler<TailRunLog, RunLogTail>
{
    public async ValueTask<RunLogTail> Handle(TailRunLog query, CancellationToken cancellationToken)
    {
        var status = await db.Runs.AsNoTracking().Where(run => run.Id == query.RunId).Select(run => (RunStatus?)run.Status).FirstOrDefaultAsync(cancellationToken)
            ?? throw VibeException.NotFound($"no run with id {query.RunId}");
        var lines = await db.RunLogs.AsNoTracking()
            .Where(entry => entry.RunId == query.RunId && entry.Id > query.AfterLineId)
            .OrderBy(entry => entry.Id)
            .Take(query.MaxLines)
            .Select(entry => new TailLine(entry.Id, entry.Time, entry.Level, entry.StepIndex, entry.Message))
            .ToListAsync(cancellationToken);
        return new RunLogTail(status, lines);
    }
}
