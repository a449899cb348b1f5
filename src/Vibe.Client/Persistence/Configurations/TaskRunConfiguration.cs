using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vibe.Domain.Runs;

namespace Vibe.Infrastructure.Persistence.Configurations;

internal sealed class TaskRunConfiguration : IEntityTypeConfiguration<TaskRun>
{
    public void Configure(EntityTypeBuilder<TaskRun> builder)
    {
        builder.ToTable("TaskRuns");
        builder.HasKey(run => run.Id);
        builder.Property(run => run.RobotName).HasMaxLength(100).IsRequired();

        // Status is the concurrency token: a claim or a finish only applies if nobody changed the status meanwhile.
        builder.Property(run => run.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(run => run.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(run => run.Host).HasMaxLength(100);
        builder.Property(run => run.FailedAction).HasMaxLength(100);
        builder.Property(run => run.ScreenshotPath).HasMaxLength(1000);
        builder.Property(run => run.EvidencePath).HasMaxLength(1000);
        builder.Property(run => run.DefinitionHash).HasMaxLength(64);
        builder.Property(run => run.RequestedBy).HasMaxLength(100);
        builder.Property(run => run.CancelRequestedBy).HasMaxLength(100);
        builder.Ignore(run => run.Duration);
        builder.Ignore(run => run.HasAttemptsLeft);

        // The claim: next Pending run by priority then age, among those that are due.
        builder.HasIndex(run => new { run.Status, run.Priority, run.DueAt, run.Id }).HasDatabaseName("IX_TaskRuns_Claim");

        // A fire time is queued once per robot, however many schedulers fire it.
        builder.HasIndex(run => new { run.RobotName, run.ScheduledFireTime }).IsUnique().HasDatabaseName("UX_TaskRuns_Robot_FireTime");

        // A robot's history and its latest run (overlap checks, recovery mails).
        builder.HasIndex(run => new { run.RobotName, run.Id }).HasDatabaseName("IX_TaskRuns_Robot");

        // The chain of attempts.
        builder.HasIndex(run => run.RetryOfId).HasDatabaseName("IX_TaskRuns_RetryOf");

        // The runs page's filters, newest first (keyset paging on Id), and the overview's and the time range's window.
        builder.HasIndex(run => new { run.Status, run.Id }).HasDatabaseName("IX_TaskRuns_Status");
        builder.HasIndex(run => new { run.Trigger, run.Id }).HasDatabaseName("IX_TaskRuns_Trigger");
        builder.HasIndex(run => new { run.Host, run.Id }).HasDatabaseName("IX_TaskRuns_Host");
        builder.HasIndex(run => run.QueuedAt).HasDatabaseName("IX_TaskRuns_QueuedAt");
    }
}
