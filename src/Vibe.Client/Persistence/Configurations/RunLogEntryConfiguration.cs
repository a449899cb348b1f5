using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vibe.Domain.Runs;

namespace Vibe.Infrastructure.Persistence.Configurations;

internal sealed class RunLogEntryConfiguration : IEntityTypeConfiguration<RunLogEntry>
{
    public void Configure(EntityTypeBuilder<RunLogEntry> builder)
    {
        builder.ToTable("RunLogs");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Level).HasConversion<string>().HasMaxLength(10);
        builder.Property(entry => entry.Message).IsRequired();
        builder.HasOne<TaskRun>().WithMany().HasForeignKey(entry => entry.RunId).OnDelete(DeleteBehavior.Cascade);

        // `vibe status <id>` reads one run's lines in order.
        builder.HasIndex(entry => new { entry.RunId, entry.Id }).HasDatabaseName("IX_RunLogs_Run");

        // Retention deletes old lines by time.
        builder.HasIndex(entry => entry.Time).HasDatabaseName("IX_RunLogs_Time");
    }
}
