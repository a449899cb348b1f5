using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.RecordRunOutcome;
using Vibe.Application.Runs.SweepAbandonedRuns;
using Vibe.Application.Schedules.CatchUpMissedFireTimes;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// Every sweep interval (and once at start), in this order: records the outcomes waiting in the journal (a foreground
/// run that could not reach the store, a worker's that a stop cut short), so that their runs are never taken for
/// lost; marks runs whose worker died Abandoned; and handles fire times that left no row according to each robot's
/// misfire policy.
/// </summary>
internal sealed class Housekeeper(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ServiceOptions> options,
    WorkerState state,
    IOutcomeJournal journal,
    StoreHealth health,
    ILogger<Housekeeper> logger) : PeriodicService(time, health)
{
    private readonly ServiceOptions _options = options.Value;

    protected override string Part => "housekeeping";

    protected override TimeSpan Interval => _options.SweepInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var current = state.CurrentRunId;
        foreach (var outcome in journal.Pending().Where(outcome => outcome.RunId != current))
        {
            var recorded = await scope.ServiceProvider.GetRequiredService<RunOutcomeRecorder>().RecordOnceAsync(outcome, cancellationToken);
            ServiceLog.OutcomeRecorded(logger, outcome.RunId, recorded?.Status.ToString() ?? "(run no longer in the store)");
        }

        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        if (!RecentlyBack())
        {
            foreach (var runId in await mediator.Send(new SweepAbandonedRuns(current is { } id ? [id] : null), cancellationToken))
            {
                ServiceLog.Abandoned(logger, runId);
            }

            Health.Succeeded();
        }

        // Fire times missed before the scheduler started are handled in one round, once the youngest of them is old
        // enough to be another host's (CatchUpCutoff): split over two rounds, runOnce would make two catch-up runs.
        if (state.SchedulerStartedAt == DateTime.MaxValue || Time.GetUtcNow().UtcDateTime < state.SchedulerStartedAt + CatchUpCutoff.RecordingGrace)
        {
            return;
        }

        var until = CatchUpCutoff.Until(state.SchedulerStartedAt, Time.GetUtcNow().UtcDateTime, _options.MisfireThreshold);
        var unrecorded = state.UnrecordedFireTimes.ToArray();
        var report = await mediator.Send(
            new CatchUpMissedFireTimes(until)
            {
                ScheduledSince = state.ScheduledSince.ToDictionary(StringComparer.OrdinalIgnoreCase),
                UnrecordedUntil = unrecorded.ToDictionary(StringComparer.OrdinalIgnoreCase),
                Window = _options.CatchUpWindow,
            },
            cancellationToken);
        foreach (var handled in unrecorded)
        {
            // A fire time that failed meanwhile stays for the next round.
            state.UnrecordedFireTimes.TryRemove(handled);
        }

        if (report.Queued + report.Skipped > 0)
        {
            ServiceLog.CaughtUp(logger, report.Queued, report.Skipped);
        }
    }

    /// <summary>
    /// Whether the store came back less than a lease ago. No worker could renew its lease while the store was away
    /// (on any host sharing it), so a lease that ran out during the outage says nothing about its worker yet: each
    /// gets a full lease to renew it before a run is taken for lost and retried.
    /// </summary>
    private bool RecentlyBack() =>
        Health.IsDown || Health.BackSince is { } back && Time.GetUtcNow().UtcDateTime < back + _options.Lease;
}
