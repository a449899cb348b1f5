using Microsoft.EntityFrameworkCore;
using Vibe.Domain.Runs;

namespace Vibe.Application.Common.Interfaces;

/// <summary>The run store as handlers see it; the provider (SQLite, SQL Server, PostgreSQL) is infrastructure's business.</summary>
public interface IVibeDbContext
{
    DbSet<TaskRun> Runs { get; }

    DbSet<RunLogEntry> RunLogs { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
