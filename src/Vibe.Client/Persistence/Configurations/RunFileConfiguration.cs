using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vibe.Domain.Runs;

namespace Vibe.Infrastructure.Persistence.Configurations;

internal sealed class RunFileConfiguration : IEntityTypeConfiguration<RunFile>
{
    public void Configure(EntityTypeBuilder<RunFile> builder)
    {
        builder.ToTable("RunFiles");
        builder.HasKey(file => file.Id);
        builder.Property(file => file.Name).HasMaxLength(400).IsRequired();
        builder.Property(file => file.Content).IsRequired();
        builder.HasOne<TaskRun>().WithMany().HasForeignKey(file => file.RunId).OnDelete(DeleteBehavior.Cascade);

        // A run's files by name; a file is stored once per run.
        builder.HasIndex(file => new { file.RunId, file.Name }).IsUnique().HasDatabaseName("UX_RunFiles_Run_Name");
    }
}
