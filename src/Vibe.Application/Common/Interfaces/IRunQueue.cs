using Vibe.Domain.Runs;

namespace Vibe.Application.Common.Interfaces;

/// <summary>The queue's two atomic operations, written per provider because each database locks differently.</summary>
public interface IRunQueue
{
    /// <summary>
    /// Claims the next due Pending run (manual before scheduled, then oldest) for this host in one statement:
    /// marks it Running with the host, start time and lease, and returns it as stored (not tracked); null when
    /// nothing is due.
    /// Runs of <paramref name="excludedRobots"/> (pinned to other hosts) are left for others.
    /// </summary>
    Task<TaskRun?> ClaimNextAsync(string host, IReadOnlyCollection<string> excludedRobots, DateTime now, DateTime leaseExpiresAt, CancellationToken cancellationToken);

    /// <summary>Extends the lease of a run this host is running; false when the run is no longer ours (swept).</summary>
    Task<bool> RenewLeaseAsync(long runId, string host, DateTime leaseExpiresAt, CancellationToken cancellationToken);
}

/// <summary>Wakes an idle worker in the same process as soon as a run is queued.</summary>
public interface IRunQueueSignal
{
    void Notify();
}
