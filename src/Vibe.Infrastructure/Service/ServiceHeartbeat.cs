using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Services;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Service;

/// <summary>Records in the database that this service is alive and what it runs, so `vibe status` on any machine can tell.</summary>
internal sealed class ServiceHeartbeat : BackgroundService
{
    private readonly IVibeDbContextFactory _contexts;
    private readonly IHostIdentity _host;
    private readonly TimeProvider _time;
    private readonly ServiceOptions _options;
    private readonly WorkerState _state;
    private readonly ILogger<ServiceHeartbeat> _logger;
    private readonly StoreHealth _health;
    private long _instanceId;

    public ServiceHeartbeat(IVibeDbContextFactory contexts, IHostIdentity host, TimeProvider time, IOptions<ServiceOptions> options, WorkerState state, StoreHealth health, ILogger<ServiceHeartbeat> logger)
    {
        _health = health;
        _contexts = contexts;
        _host = host;
        _time = time;
        _options = options.Value;
        _state = state;
        _logger = logger;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = _contexts.Create();
        var instance = new ServiceInstance(_host.HostName, Environment.ProcessId, _time.GetUtcNow().UtcDateTime);
        db.ServiceInstances.Add(instance);
        await db.SaveChangesAsync(cancellationToken);
        _instanceId = instance.Id;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var db = _contexts.Create();
            var now = _time.GetUtcNow().UtcDateTime;
            await db.ServiceInstances.Where(s => s.Id == _instanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.StoppedAt, now).SetProperty(x => x.CurrentRunId, (long?)null), CancellationToken.None);
        }
        catch (Exception ex)
        {
            _health.Report("recording that the service stopped", ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Heartbeat, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = _contexts.Create();
                    var now = _time.GetUtcNow().UtcDateTime;
                    var current = _state.CurrentRunId;
                    await db.ServiceInstances.Where(s => s.Id == _instanceId)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.HeartbeatAt, now).SetProperty(x => x.CurrentRunId, current), stoppingToken);
                    _health.Succeeded();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _health.Report("the heartbeat", ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
