using Microsoft.Extensions.Hosting;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// One of the service's loops: a round at start (unless <see cref="RoundAtStart"/> says to wait for the first tick),
/// then one every <see cref="Interval"/>. A failed round is reported (<see cref="OnRoundFailed"/>: a store outage in
/// one line, anything else with its details) and tried again after a growing back-off (<see cref="ServiceRetry"/>)
/// until it succeeds or the service stops; ticks missed meanwhile are not made up.
/// </summary>
internal abstract class PeriodicService(TimeProvider time, StoreHealth health) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected StoreHealth Health { get; } = health;

    /// <summary>What the loop does, for the failure report ("housekeeping", "the heartbeat").</summary>
    protected abstract string Part { get; }

    protected abstract TimeSpan Interval { get; }

    protected virtual bool RoundAtStart => true;

    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected virtual void OnRoundFailed(Exception exception) => Health.Report(Part, exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = ServiceRetry.UntilDone(Time, Interval, OnRoundFailed);
        using var timer = new PeriodicTimer(Interval, Time);
        if (!RoundAtStart && !await WaitAsync(timer, stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                await retry.ExecuteAsync(async cancellationToken => await RunRoundAsync(cancellationToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
