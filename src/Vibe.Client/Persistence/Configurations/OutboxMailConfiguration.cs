using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vibe.Domain.Notifications;

namespace Vibe.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.HasKey(mail => mail.Id);
        builder.Property(mail => mail.Kind).HasMaxLength(20);
        builder.Property(mail => mail.Recipients).HasMaxLength(2000);
        builder.Property(mail => mail.Subject).HasMaxLength(500);
        builder.Property(mail => mail.MessageId).HasMaxLength(200);
        builder.Property(mail => mail.AttachmentPath).HasMaxLength(1000);
        builder.HasIndex(mail => mail.MessageId).IsUnique().HasDatabaseName("UX_OutboxMails_MessageId");

        // The sender's query: unsent mails that are due.
        builder.HasIndex(mail => new { mail.SentAt, mail.NextAttemptAt }).HasDatabaseName("IX_OutboxMails_Due");
    }
}
