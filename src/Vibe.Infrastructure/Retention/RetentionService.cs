using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vibe.Infrastructure.Retention;

/// <summary>Applies VIBE_RETENTION_DAYS in the service: at start-up, then every six hours. A failed purge is logged and tried again later.</summary>
internal sealed class RetentionService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    private readonly RunRetention _retention;
    private readonly RetentionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionService> _logger;
    private readonly Service.StoreHealth _health;

    public RetentionService(RunRetention retention, IOptions<RetentionOptions> options, TimeProvider time, Service.StoreHealth health, ILogger<RetentionService> logger)
    {
        _health = health;
        _retention = retention;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Days <= 0)
        {
            RetentionLog.RetentionOff(_logger);
            return;
        }

        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                await _retention.PurgeAsync(TimeSpan.FromDays(_options.Days), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!_health.Failed("the retention purge", ex))
                {
                    RetentionLog.PurgeFailed(_logger, ex, ex.GetBaseException().Message);
                }
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
