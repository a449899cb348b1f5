using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Notifications;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Domain.Services;

namespace Vibe.Infrastructure.Persistence;

/// <summary>
/// The run store. One model for every provider; each provider has a derived context only so that its
/// migrations live apart (EF Core ties migrations to a context type).
/// </summary>
public abstract class VibeDbContext : DbContext, IStoreUnit
{
    protected VibeDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<TaskRun> Runs => Set<TaskRun>();

    public DbSet<RunLogEntry> RunLogs => Set<RunLogEntry>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<ServiceInstance> ServiceInstances => Set<ServiceInstance>();

    public DbSet<RobotPause> RobotPauses => Set<RobotPause>();

    public DbSet<RunFile> RunFiles => Set<RunFile>();

    public void DiscardChanges() => ChangeTracker.Clear();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VibeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored as UTC and read back as UTC, whatever the provider keeps.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

public sealed class SqliteVibeDbContext(DbContextOptions<SqliteVibeDbContext> options) : VibeDbContext(options);

public sealed class PostgresVibeDbContext(DbContextOptions<PostgresVibeDbContext> options) : VibeDbContext(options);
