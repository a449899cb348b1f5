using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// The service's sender loop: works off the outbox at start-up (mails left over from an outage or a crash) and then
/// every VIBE_NOTIFY_POLL_INTERVAL. The dispatcher never throws, so the loop only ends when the service stops.
/// </summary>
internal sealed class OutboxSenderService : BackgroundService
{
    private readonly OutboxDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<OutboxSenderService> _logger;

    public OutboxSenderService(OutboxDispatcher dispatcher, IOptions<NotifyOptions> options, TimeProvider time, ILogger<OutboxSenderService> logger)
    {
        _dispatcher = dispatcher;
        _time = time;
        _interval = options.Value.PollIntervalOrDefault;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NotificationsLog.SenderStarted(_logger, _interval);
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            await _dispatcher.DeliverDueAsync(stoppingToken);
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
