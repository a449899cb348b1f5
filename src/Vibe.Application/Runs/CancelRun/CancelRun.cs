using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.CancelRun;

/// <summary>
/// An operator cancels a run. A Pending run is withdrawn at once (Cancelled "by" them); for a Running run the request
/// is recorded in the store, where the worker running it, on whichever host, notices it within about a second
/// (<see cref="CancelRequestWatch"/>), stops its steps and records it Cancelled "by" them.
/// </summary>
public sealed record CancelRun(long RunId, string By) : ICommand<CancelOutcome>;

/// <param name="Withdrawn">True when the run was Pending and is now Cancelled; false when its worker was asked to stop it.</param>
public sealed record CancelOutcome(RunSummary Run, bool Withdrawn);

public sealed class CancelRunHandler(IVibeDbContext db, TimeProvider time) : ICommandHandler<CancelRun, CancelOutcome>
{
    public async ValueTask<CancelOutcome> Handle(CancelRun command, CancellationToken cancellationToken)
    {
        // Status is a concurrency token: a run claimed between the read and the save is read again, now Running.
        for (var attempt = 0; ; attempt++)
        {
            var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == command.RunId, cancellationToken)
                ?? throw VibeException.NotFound($"no run with id {command.RunId}");
            if (run.Status.IsFinished())
            {
                throw VibeException.Conflict($"run {run.Id} has already ended {run.Status}; nothing to cancel");
            }

            var withdrawn = run.RequestCancel(command.By, time.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new CancelOutcome(RunSummary.From(run), withdrawn);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.DiscardChanges();
            }
        }
    }
}
