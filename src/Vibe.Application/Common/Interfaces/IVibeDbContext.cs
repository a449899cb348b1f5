using Microsoft.EntityFrameworkCore;
using Vibe.Domain.Notifications;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Domain.Services;

namespace Vibe.Application.Common.Interfaces;

/// <summary>The run store as handlers see it; the provider (SQLite, SQL Server, PostgreSQL) is infrastructure's business.</summary>
public interface IVibeDbContext
{
    DbSet<TaskRun> Runs { get; }

    DbSet<RunLogEntry> RunLogs { get; }

    DbSet<OutboxMail> OutboxMails { get; }

    DbSet<ServiceInstance> ServiceInstances { get; }

    /// <summary>Robots an operator paused (vibe pause, the dashboard).</summary>
    DbSet<RobotPause> RobotPauses { get; }

    /// <summary>Runs' evidence files copied into the store, for hosts and dashboards that did not run them.</summary>
    DbSet<RunFile> RunFiles { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Forgets every entity this unit of work added or changed, so that a replayed handler starts afresh. vibe's store
    /// clears its change tracker; the default (for a context of another tool's) does nothing.
    /// </summary>
    void DiscardChanges()
    {
    }
}
