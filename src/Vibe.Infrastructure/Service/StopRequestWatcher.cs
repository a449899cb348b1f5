using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// `vibe stop-service` asks for a graceful stop by creating a stop file in the data folder: the same on Linux and
/// Windows (where there is no SIGTERM to send to a console process in another session).
/// </summary>
public sealed class StopRequestWatcher : BackgroundService
{
    private readonly VibeLocations _locations;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<StopRequestWatcher> _logger;

    public StopRequestWatcher(VibeLocations locations, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StopRequestWatcher> logger)
    {
        _locations = locations;
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
    }

    public static string StopFile(VibeLocations locations) => Path.Combine(locations.DataDirectory, "vibe.stop");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = StopFile(_locations);
        File.Delete(file); // a stale request from before this start is not for us
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                    ServiceLog.StopRequested(_logger);
                    _lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping anyway.
        }
    }
}
