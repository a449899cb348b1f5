using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    ILogger<Housekeeper> logger) : BackgroundService
{
    private readonly ServiceOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                health.Report("housekeeping", ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
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

            health.Succeeded();
        }

        // Fire times missed before the scheduler started are handled in one round, once the youngest of them is old
        // enough to be another host's (CatchUpCutoff): split over two rounds, runOnce would make two catch-up runs.
        if (state.SchedulerStartedAt == DateTime.MaxValue || time.GetUtcNow().UtcDateTime < state.SchedulerStartedAt + CatchUpCutoff.RecordingGrace)
        {
            return;
        }

        var until = CatchUpCutoff.Until(state.SchedulerStartedAt, time.GetUtcNow().UtcDateTime, _options.MisfireThreshold);
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
        health.IsDown || health.BackSince is { } back && time.GetUtcNow().UtcDateTime < back + _options.Lease;

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
