using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Application.Runs.SweepAbandonedRuns;
using Vibe.Application.Schedules.CatchUpMissedFireTimes;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// Every sweep interval (and once at start): marks runs whose worker died Abandoned, and handles fire times that
/// passed unrecorded according to each robot's misfire policy.
/// </summary>
internal sealed class Housekeeper : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ServiceOptions _options;
    private readonly WorkerState _state;
    private readonly ILogger<Housekeeper> _logger;

    public Housekeeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<ServiceOptions> options, WorkerState state, ILogger<Housekeeper> logger)
    {
        _scopes = scopes;
        _time = time;
        _options = options.Value;
        _state = state;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval, _time);
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
                ServiceLog.HousekeepingFailed(_logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        foreach (var runId in await mediator.Send(new SweepAbandonedRuns(), cancellationToken))
        {
            ServiceLog.Abandoned(_logger, runId);
        }

        if (_state.SchedulerStartedAt == DateTime.MaxValue)
        {
            return;
        }

        var until = CatchUpCutoff.Until(_state.SchedulerStartedAt, _time.GetUtcNow().UtcDateTime, _options.MisfireThreshold);
        var report = await mediator.Send(new CatchUpMissedFireTimes(until), cancellationToken);
        if (report.Queued + report.Skipped > 0)
        {
            ServiceLog.CaughtUp(_logger, report.Queued, report.Skipped);
        }
    }

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
