using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Services;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Service;

/// <summary>Records in the database that this service is alive and what it runs, so `vibe status` on any machine can tell.</summary>
internal sealed class ServiceHeartbeat(
    IVibeDbContextFactory contexts,
    IHostIdentity host,
    TimeProvider time,
    IOptions<ServiceOptions> options,
    WorkerState state,
    StoreHealth health) : PeriodicService(time, health)
{
    private long _instanceId;

    protected override string Part => "the heartbeat";

    protected override TimeSpan Interval { get; } = options.Value.Heartbeat;

    // The instance row is written at start with its first heartbeat.
    protected override bool RoundAtStart => false;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var instance = new ServiceInstance(host.HostName, Environment.ProcessId, Time.GetUtcNow().UtcDateTime, HostLabels.Join([.. host.Labels]));
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
            await using var db = contexts.Create();
            var now = Time.GetUtcNow().UtcDateTime;
            await db.ServiceInstances.Where(s => s.Id == _instanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.StoppedAt, now).SetProperty(x => x.CurrentRunId, (long?)null), CancellationToken.None);
        }
        catch (Exception ex)
        {
            Health.Report("recording that the service stopped", ex);
        }
    }

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var now = Time.GetUtcNow().UtcDateTime;
        var current = state.CurrentRunId;
        await db.ServiceInstances.Where(s => s.Id == _instanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HeartbeatAt, now).SetProperty(x => x.CurrentRunId, current), cancellationToken);
        Health.Succeeded();
    }
}
