using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vibe.Domain.Services;

namespace Vibe.Infrastructure.Persistence.Configurations;

internal sealed class ServiceInstanceConfiguration : IEntityTypeConfiguration<ServiceInstance>
{
    public void Configure(EntityTypeBuilder<ServiceInstance> builder)
    {
        builder.ToTable("ServiceInstances");
        builder.HasKey(service => service.Id);
        builder.Property(service => service.HostName).HasMaxLength(100);

        // The host's labels, comma-separated, so that run-now and the dashboard can tell which live host may run a pinned robot.
        builder.Property(service => service.Labels).HasMaxLength(1000);
        builder.HasIndex(service => new { service.StoppedAt, service.HeartbeatAt }).HasDatabaseName("IX_ServiceInstances_Alive");
    }
}
