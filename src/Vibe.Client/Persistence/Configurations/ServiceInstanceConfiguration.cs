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
        builder.HasIndex(service => new { service.StoppedAt, service.HeartbeatAt }).HasDatabaseName("IX_ServiceInstances_Alive");
    }
}
