using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Infrastructure.Service;

namespace Vibe.Infrastructure.Retention;

/// <summary>Applies VIBE_RETENTION_DAYS in the service: at start-up, then every six hours. A failed purge is logged and tried again after a back-off.</summary>
internal sealed class RetentionService(
    RunRetention retention,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    StoreHealth health,
    ILogger<RetentionService> logger) : PeriodicService(time, health)
{
    private readonly RetentionOptions _options = options.Value;

    protected override string Part => "the retention purge";

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Days <= 0)
        {
            RetentionLog.RetentionOff(logger);
            return Task.CompletedTask;
        }

        return base.ExecuteAsync(stoppingToken);
    }

    protected override Task RunRoundAsync(CancellationToken cancellationToken) =>
        retention.PurgeAsync(TimeSpan.FromDays(_options.Days), cancellationToken);

    protected override void OnRoundFailed(Exception exception)
    {
        if (!Health.Failed(Part, exception))
        {
            RetentionLog.PurgeFailed(logger, exception, exception.GetBaseException().Message);
        }
    }
}
