using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Infrastructure.Service;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// The service's sender loop: works off the outbox at start-up (mails left over from an outage or a crash) and then
/// every VIBE_NOTIFY_POLL_INTERVAL. The dispatcher reports its own failures and never throws.
/// </summary>
internal sealed class OutboxSenderService(
    OutboxDispatcher dispatcher,
    IOptions<NotifyOptions> options,
    TimeProvider time,
    StoreHealth health,
    ILogger<OutboxSenderService> logger) : PeriodicService(time, health)
{
    protected override string Part => "sending the outbox";

    protected override TimeSpan Interval { get; } = options.Value.PollIntervalOrDefault;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NotificationsLog.SenderStarted(logger, Interval);
        return base.ExecuteAsync(stoppingToken);
    }

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => dispatcher.DeliverDueAsync(cancellationToken);
}
