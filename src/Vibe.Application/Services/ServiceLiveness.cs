using Vibe.Domain.Services;

namespace Vibe.Application.Services;

/// <summary>
/// When a service counts as alive: it has not recorded a stop and its last heartbeat is younger than
/// <see cref="StaleAfter"/>. `vibe status`, the dashboard's overview, `run-now` and the dashboard's Run now all ask this
/// one rule, so what an operator sees as live is what a run is handed to.
/// </summary>
public static class ServiceLiveness
{
    /// <summary>
    /// Several heartbeats (VIBE_SERVICE_HEARTBEAT, 10 s by default) may be missed before a service counts as gone: a
    /// store that answers slowly for a moment does not make a host disappear.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(45);

    public static IQueryable<ServiceInstance> Alive(this IQueryable<ServiceInstance> services, DateTime utcNow, TimeSpan staleAfter)
    {
        var since = utcNow - staleAfter;
        return services.Where(service => service.StoppedAt == null && service.HeartbeatAt > since);
    }
}
