using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Services;

namespace Vibe.Application.Services.GetServiceStatus;

/// <summary>The services alive on this database (by their heartbeat, <see cref="ServiceLiveness"/>), whatever host they run on.</summary>
/// <param name="StaleAfter">A service whose last heartbeat is older than this is taken as gone.</param>
public sealed record GetServiceStatus(TimeSpan StaleAfter) : IQuery<IReadOnlyList<ServiceStatus>>
{
    public GetServiceStatus()
        : this(ServiceLiveness.StaleAfter)
    {
    }
}

/// <param name="Labels">The host's labels (VIBE_HOST_LABELS when the service started); robots may be pinned to them.</param>
public sealed record ServiceStatus(string Host, int ProcessId, DateTime StartedAt, DateTime HeartbeatAt, long? CurrentRunId, IReadOnlyList<string> Labels)
{
    public static ServiceStatus From(ServiceInstance service) =>
        new(service.HostName, service.ProcessId, service.StartedAt, service.HeartbeatAt, service.CurrentRunId, HostLabels.Parse(service.Labels));
}

public sealed class GetServiceStatusHandler(IVibeDbContext db, TimeProvider time) : IQueryHandler<GetServiceStatus, IReadOnlyList<ServiceStatus>>
{
    public async ValueTask<IReadOnlyList<ServiceStatus>> Handle(GetServiceStatus query, CancellationToken cancellationToken)
    {
        var services = await db.ServiceInstances.AsNoTracking()
            .Alive(time.GetUtcNow().UtcDateTime, query.StaleAfter)
            .OrderBy(service => service.HostName)
            .ToListAsync(cancellationToken);
        return services.Select(ServiceStatus.From).ToList();
    }
}
