using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Services.GetServiceStatus;

/// <summary>The services alive on this database (by their heartbeat), whatever host they run on.</summary>
/// <param name="StaleAfter">A service whose last heartbeat is older than this is taken as gone.</param>
public sealed record GetServiceStatus(TimeSpan StaleAfter) : IQuery<IReadOnlyList<ServiceStatus>>;

public sealed record ServiceStatus(string Host, int ProcessId, DateTime StartedAt, DateTime HeartbeatAt, long? CurrentRunId);

public sealed class GetServiceStatusHandler : IQueryHandler<GetServiceStatus, IReadOnlyList<ServiceStatus>>
{
    private readonly IVibeDbContext _db;
    private readonly TimeProvider _time;

    public GetServiceStatusHandler(IVibeDbContext db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    public async ValueTask<IReadOnlyList<ServiceStatus>> Handle(GetServiceStatus query, CancellationToken cancellationToken)
    {
        var since = _time.GetUtcNow().UtcDateTime - query.StaleAfter;
        return await _db.ServiceInstances.AsNoTracking()
            .Where(service => service.StoppedAt == null && service.HeartbeatAt > since)
            .OrderBy(service => service.HostName)
            .Select(service => new ServiceStatus(service.HostName, service.ProcessId, service.StartedAt, service.HeartbeatAt, service.CurrentRunId))
            .ToListAsync(cancellationToken);
    }
}
