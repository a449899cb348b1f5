using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Queue;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// Claims the next due run and executes it, one at a time (a host drives one desktop session). Wakes within
/// moments when a run is queued in this process, and polls for runs queued by other processes. While a run
/// executes its lease is renewed; when the service stops, the run gets the grace period, then is cancelled.
/// </summary>
internal sealed class RunWorker : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IRunQueue _queue;
    private readonly RunQueueSignal _signal;
    private readonly IRobotCatalog _catalog;
    private readonly IHostIdentity _host;
    private readonly TimeProvider _time;
    private readonly ServiceOptions _options;
    private readonly WorkerState _state;
    private readonly ILogger<RunWorker> _logger;

    public RunWorker(
        IServiceScopeFactory scopes,
        IRunQueue queue,
        RunQueueSignal signal,
        IRobotCatalog catalog,
        IHostIdentity host,
        TimeProvider time,
        IOptions<ServiceOptions> options,
        WorkerState state,
        ILogger<RunWorker> logger)
    {
        _scopes = scopes;
        _queue = queue;
        _signal = signal;
        _catalog = catalog;
        _host = host;
        _time = time;
        _options = options.Value;
        _state = state;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var catalog = await _catalog.GetAsync(stoppingToken);
                var now = _time.GetUtcNow().UtcDateTime;
                var claimed = await _queue.ClaimNextAsync(_host.HostName, HostEligibility.Excluded(catalog, _host), now, now + _options.Lease, stoppingToken);
                failures = 0;
                if (claimed is not null)
                {
                    await ExecuteClaimedAsync(claimed, stoppingToken);
                }
                else
                {
                    await _signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be down: keep trying, slower each time, never crash the service.
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures++, 5))));
                ServiceLog.WorkerLoopFailed(_logger, ex, delay);
                await Task.Delay(delay, _time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ExecuteClaimedAsync(TaskRun claimed, CancellationToken stoppingToken)
    {
        var runId = claimed.Id;
        _state.SetCurrent(runId);
        ServiceLog.Claimed(_logger, runId, "");
        using var run = new CancellationTokenSource();

        // Stopping does not cancel the run at once: it gets the grace period to finish.
        await using var graceTimer = stoppingToken.Register(() => run.CancelAfter(_options.ShutdownGrace));
        await using var graceExpired = run.Token.Register(() =>
        {
            if (stoppingToken.IsCancellationRequested)
            {
                ServiceLog.CancellingAfterGrace(_logger, runId, _options.ShutdownGrace);
            }
        });
        using var leaseStop = new CancellationTokenSource();
        var renewing = RenewLeaseAsync(runId, run, leaseStop.Token);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var result = await mediator.Send(ExecuteRun.ForClaimed(claimed), run.Token);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                ServiceLog.Finished(_logger, runId, result.Robot, result.Status.ToString());
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out and another host recorded the run Abandoned (and queued its retry) first: that
            // outcome stands. Expected after a lost lease, so not a worker failure to back off from.
            ServiceLog.OutcomeDiscarded(_logger, runId);
        }
        finally
        {
            await leaseStop.CancelAsync();
            await renewing;
            _state.SetCurrent(null);
        }
    }

    private async Task RenewLeaseAsync(long runId, CancellationTokenSource run, CancellationToken stop)
    {
        var every = _options.Lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _time, stop);
                var now = _time.GetUtcNow().UtcDateTime;
                if (!await _queue.RenewLeaseAsync(runId, _host.HostName, now + _options.Lease, stop))
                {
                    ServiceLog.LeaseLost(_logger, runId);
                    await run.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                // A missed renewal is survivable while the lease lasts; the next one may succeed.
                ServiceLog.HeartbeatFailed(_logger, ex.Message);
            }
        }
    }
}
