using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Queue;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// A run that `vibe run-now` or `vibe rerun` queues in another process would wait for the worker's next poll (up to
/// a second; docs/performance.md). Such a command also touches a wake file in the data folder; the service watches
/// it and wakes its worker at once. The poll stays: a lost notification only costs the old delay.
/// </summary>
internal sealed class WakeRequestWatcher : BackgroundService
{
    private readonly VibeLocations _locations;
    private readonly RunQueueSignal _signal;
    private readonly ILogger<WakeRequestWatcher> _logger;

    public WakeRequestWatcher(VibeLocations locations, RunQueueSignal signal, ILogger<WakeRequestWatcher> logger)
    {
        _locations = locations;
        _signal = signal;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        FileSystemWatcher watcher;
        try
        {
            Directory.CreateDirectory(_locations.DataDirectory);
            watcher = new FileSystemWatcher(_locations.DataDirectory, ServiceWakeUp.FileName)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => _signal.Notify();
            watcher.Created += (_, _) => _signal.Notify();
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            // No file notifications here (a full inotify table, an odd file system): polling alone still works.
            ServiceLog.WakeWatchUnavailable(_logger, ex.Message);
            return;
        }

        using (watcher)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }
}
