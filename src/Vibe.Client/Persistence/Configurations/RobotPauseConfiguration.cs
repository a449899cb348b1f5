using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vibe.Domain.Robots;

namespace Vibe.Infrastructure.Persistence.Configurations;

internal sealed class RobotPauseConfiguration : IEntityTypeConfiguration<RobotPause>
{
    public void Configure(EntityTypeBuilder<RobotPause> builder)
    {
        // One row per paused robot: resuming deletes it, so the table stays as small as the number of paused robots.
        builder.ToTable("RobotPauses");
        builder.HasKey(pause => pause.RobotName);
        builder.Property(pause => pause.RobotName).HasMaxLength(100);
        builder.Property(pause => pause.Reason).HasMaxLength(500);
        builder.Property(pause => pause.PausedBy).HasMaxLength(100).IsRequired();
    }
}
