using Microsoft.EntityFrameworkCore;
using Repitbot.Notification.People;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Rules;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Data;

public sealed class NotificationDb(DbContextOptions<NotificationDb> options) : DbContext(options)
{
    public const string Schema = "notification";

    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<TutorStudentLink> Links => Set<TutorStudentLink>();
    public DbSet<Preference> Preferences => Set<Preference>();
    public DbSet<TemplateVersion> Templates => Set<TemplateVersion>();
    public DbSet<Delivery.Delivery> Deliveries => Set<Delivery.Delivery>();
    public DbSet<LessonHomework> LessonHomework => Set<LessonHomework>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Recipient>(e =>
        {
            e.HasKey(r => r.UserId);
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.DisplayName).HasMaxLength(200);
            e.Property(r => r.Email).HasMaxLength(254);
            e.Property(r => r.Locale).HasMaxLength(8);
            e.Property(r => r.TimeZone).HasMaxLength(64);
        });
        modelBuilder.Entity<TutorStudentLink>(e =>
        {
            e.ToTable("links");
            e.HasKey(l => l.LinkId);
            e.HasIndex(l => new { l.StudentId, l.TutorId });
        });
        modelBuilder.Entity<LessonHomework>(e =>
        {
            e.ToTable("lesson_homework");
            e.HasKey(h => h.HomeworkId);
            e.Property(h => h.Title).HasMaxLength(300);
            e.HasIndex(h => h.LessonId);
        });
        modelBuilder.Entity<Preference>(e =>
        {
            e.HasKey(p => p.UserId);
            e.Property(p => p.Locale).HasMaxLength(8);
            e.Property(p => p.TimeZone).HasMaxLength(64);
        });
        modelBuilder.Entity<TemplateVersion>(e =>
        {
            e.ToTable("templates");
            e.Property(t => t.Type).HasMaxLength(100);
            e.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Locale).HasMaxLength(8);
            e.Property(t => t.CreatedBy).HasMaxLength(100);
            e.HasIndex(t => new { t.Type, t.Channel, t.Locale, t.Version }).IsUnique();
        });
        modelBuilder.Entity<Delivery.Delivery>(e =>
        {
            e.ToTable("deliveries");
            e.Property(d => d.IdempotencyKey).HasMaxLength(200);
            e.Property(d => d.TemplateKey).HasMaxLength(100);
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Address).HasMaxLength(254);
            e.Property(d => d.Subject).HasMaxLength(300);
            e.Property(d => d.Data).HasColumnType("jsonb");
            e.Property(d => d.GroupKey).HasMaxLength(100);
            e.Property(d => d.ProviderMessageId).HasMaxLength(200);
            e.Property(d => d.Partition).HasMaxLength(64).HasDefaultValue(DeliveryOptions.DefaultPartition);
            // The guarantee "never the same notification twice" rests on this index.
            e.HasIndex(d => new { d.IdempotencyKey, d.Channel }).IsUnique();
            e.HasIndex(d => new { d.RecipientId, d.CreatedAt });
            e.HasIndex(d => d.GroupKey);
            // What the channel workers scan: only rows still waiting, by channel and due time.
            e.HasIndex(d => new { d.Partition, d.Channel, d.DueAt })
                .HasFilter("status IN ('Pending', 'Scheduled', 'Sending')")
                .HasDatabaseName("ix_deliveries_due");
        });
    }
}
