using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Application.Runs.RecordRunOutcome;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Queue;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// Claims the next due run and executes it, one at a time (a host drives one desktop session). Wakes within
/// moments when a run is queued in this process, and polls for runs queued by other processes. While a run
/// executes its lease is renewed; when the service stops, the run gets the grace period, then is cancelled (and
/// queued again, as the robot's "onInterrupt" says). A run's outcome is recorded before anything else is claimed:
/// if the store is away when the run ends, the worker keeps the outcome in the journal and the lease alive, and
/// records it when the store answers; outcomes an earlier process left in the journal are recorded first of all.
/// </summary>
internal sealed class RunWorker(
    IServiceScopeFactory scopes,
    IRunQueue queue,
    RunQueueSignal signal,
    IRobotCatalog catalog,
    IHostIdentity host,
    TimeProvider time,
    IOptions<ServiceOptions> options,
    WorkerState state,
    IOutcomeJournal journal,
    StoreHealth health,
    ILogger<RunWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);
    private readonly ServiceOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecordJournalAsync(stoppingToken);

        // The store may be down: keep trying, slower each time up to a few seconds, never crash the service.
        var claiming = ServiceRetry.UntilDone(time, LongestPause, ex => health.Report("claiming the next run", ex));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await claiming.ExecuteAsync(ClaimNextAsync, stoppingToken);
                if (claimed is not null)
                {
                    await ExecuteClaimedAsync(claimed, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A claimed run whose execution failed outside its steps: its lease is no longer renewed, so the
                // housekeeping takes it for lost; this worker goes on with the queue.
                health.Report("running a claimed run", ex);
            }
        }
    }

    private async ValueTask<TaskRun?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var robots = await catalog.GetAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await queue.ClaimNextAsync(host.HostName, HostEligibility.Excluded(robots, host), now, now + _options.Lease, cancellationToken);
        health.Succeeded();
        return claimed;
    }

    private async Task ExecuteClaimedAsync(TaskRun claimed, CancellationToken stoppingToken)
    {
        var runId = claimed.Id;
        state.SetCurrent(runId);
        ServiceLog.Claimed(logger, runId, "");
        using var run = new CancellationTokenSource();

        // Stopping does not cancel the run at once: it gets the grace period to finish.
        await using var graceTimer = stoppingToken.Register(() => run.CancelAfter(_options.ShutdownGrace));
        await using var graceExpired = run.Token.Register(() =>
        {
            if (stoppingToken.IsCancellationRequested)
            {
                ServiceLog.CancellingAfterGrace(logger, runId, _options.ShutdownGrace);
            }
        });
        using var leaseStop = new CancellationTokenSource();
        var renewing = RenewLeaseAsync(runId, run, leaseStop.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var result = await mediator.Send(ExecuteRun.ForClaimed(claimed), run.Token);
            if (logger.IsEnabled(LogLevel.Information))
            {
                ServiceLog.Finished(logger, runId, result.Robot, result.Status.ToString());
            }
        }
        catch (OutcomeNotRecordedException notRecorded)
        {
            // The robot has run; only the store is missing its outcome. Nothing else is claimed until it has it, and
            // the lease keeps being renewed meanwhile, so no host takes the run for lost and runs it again.
            ServiceLog.OutcomeKept(logger, runId, notRecorded.Outcome.Status.ToString(), journal.PathOf(runId));
            await RecordUntilStoredAsync(notRecorded.Outcome, stoppingToken);
        }
        finally
        {
            await leaseStop.CancelAsync();
            await renewing;
            state.SetCurrent(null);
        }
    }

    /// <summary>
    /// Records every outcome the journal holds (left by a process that stopped or died before the store took them),
    /// before the first claim: their runs stay Running in the store until then.
    /// </summary>
    private async Task RecordJournalAsync(CancellationToken stoppingToken)
    {
        foreach (var outcome in journal.Pending())
        {
            await RecordUntilStoredAsync(outcome, stoppingToken);
        }
    }

    /// <summary>Tries to record the outcome until the store takes it; gives up only when the service is going away.</summary>
    private async Task RecordUntilStoredAsync(RunOutcome outcome, CancellationToken stoppingToken)
    {
        // A stopping service keeps trying through the grace period and a little more; after that the host ends the
        // process, and the outcome waits in the journal for the next service.
        using var giveUp = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => giveUp.CancelAfter(_options.ShutdownGrace + TimeSpan.FromSeconds(20)));
        var recording = ServiceRetry.UntilDone(time, LongestPause, ex => health.Report("recording a run's outcome", ex));
        try
        {
            var recorded = await recording.ExecuteAsync(
                async cancellationToken =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    return await scope.ServiceProvider.GetRequiredService<RunOutcomeRecorder>().RecordOnceAsync(outcome, cancellationToken);
                },
                giveUp.Token);
            health.Succeeded();
            ServiceLog.OutcomeRecorded(logger, outcome.RunId, recorded?.Status.ToString() ?? "(run no longer in the store)");
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            // Left in the journal for the next service.
        }
    }

    private async Task RenewLeaseAsync(long runId, CancellationTokenSource run, CancellationToken stop)
    {
        var every = _options.Lease / 3;
        var next = every;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(next, time, stop);
                var now = time.GetUtcNow().UtcDateTime;
                if (!await queue.RenewLeaseAsync(runId, host.HostName, now + _options.Lease, stop))
                {
                    ServiceLog.LeaseLost(logger, runId);
                    await run.CancelAsync();
                    return;
                }

                health.Succeeded();
                next = every;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                // A missed renewal is survivable: try again within a second, so the lease is re-asserted as soon as
                // the store answers again, before any host may take the run for lost.
                health.Report("renewing a run's lease", ex);
                next = TimeSpan.FromSeconds(Math.Min(1, every.TotalSeconds));
            }
        }
    }
}
