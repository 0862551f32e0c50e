using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repitbot.BotGateway.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.Email).HasMaxLength(254);
        e.Property(u => u.Locale).HasMaxLength(8);
        e.Property(u => u.TimeZone).HasMaxLength(64);
        e.HasIndex(u => u.TelegramUserId).IsUnique();
    }
}

internal sealed class StudentLinkConfiguration : IEntityTypeConfiguration<StudentLink>
{
    public void Configure(EntityTypeBuilder<StudentLink> e)
    {
        e.HasIndex(l => new { l.TutorId, l.StudentId });
        // At most one open link per tutor and student; closed links stay as history.
        e.HasIndex(l => new { l.TutorId, l.StudentId }).IsUnique().HasFilter("valid_to IS NULL")
            .HasDatabaseName("ix_student_links_open");
        e.HasIndex(l => l.StudentId);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> e)
    {
        e.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(l => l.Subject).HasMaxLength(200);
        e.Property(l => l.Currency).HasMaxLength(3);
        e.Property(l => l.CancelReason).HasMaxLength(500);
        e.HasIndex(l => l.TutorId);
    }
}

internal sealed class RecordsConfiguration :
    IEntityTypeConfiguration<Homework>, IEntityTypeConfiguration<Payment>, IEntityTypeConfiguration<Material>,
    IEntityTypeConfiguration<RecordedEvent>, IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Homework> e)
    {
        e.Property(h => h.Title).HasMaxLength(300);
        e.HasIndex(h => new { h.TutorId, h.StudentId });
    }

    public void Configure(EntityTypeBuilder<Payment> e)
    {
        e.Property(p => p.Currency).HasMaxLength(3);
        e.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(p => new { p.TutorId, p.StudentId });
    }

    public void Configure(EntityTypeBuilder<Material> e)
    {
        e.Property(m => m.Title).HasMaxLength(300);
        e.Property(m => m.Url).HasMaxLength(2000);
        e.Property(m => m.MimeType).HasMaxLength(100);
        e.Property(m => m.TelegramFileId).HasMaxLength(200);
        e.HasIndex(m => m.TutorId);
    }

    public void Configure(EntityTypeBuilder<RecordedEvent> e)
    {
        e.HasKey(r => r.Key);
        e.Property(r => r.Key).HasMaxLength(200);
        e.Property(r => r.Fingerprint).HasMaxLength(500);
        e.Property(r => r.Body).HasColumnType("jsonb");
    }

    public void Configure(EntityTypeBuilder<Invite> e)
    {
        e.HasKey(i => i.Code);
        e.Property(i => i.Code).HasMaxLength(64);
        e.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class IntakeConfiguration :
    IEntityTypeConfiguration<WebhookMessage>, IEntityTypeConfiguration<ProcessedUpdate>, IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> e)
    {
        e.Property(w => w.Id).UseIdentityAlwaysColumn();
        e.Property(w => w.Source).HasMaxLength(64);
        e.Property(w => w.ExternalId).HasMaxLength(200);
        e.Property(w => w.Payload).HasColumnType("jsonb");
        e.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(w => w.Error).HasMaxLength(2000);
        // A source resending the same delivery is accepted and ignored.
        e.HasIndex(w => new { w.Source, w.ExternalId }).IsUnique();
        e.HasIndex(w => w.Status).HasFilter("status <> 'Processed'");
    }

    public void Configure(EntityTypeBuilder<ProcessedUpdate> e)
    {
        e.HasKey(u => u.UpdateId);
        e.Property(u => u.UpdateId).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<Conversation> e)
    {
        e.HasKey(c => c.ChatId);
        e.Property(c => c.ChatId).ValueGeneratedNever();
        e.Property(c => c.Flow).HasMaxLength(64);
        e.Property(c => c.Data).HasColumnType("jsonb");
    }
}
