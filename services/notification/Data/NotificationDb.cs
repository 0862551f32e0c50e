using Microsoft.EntityFrameworkCore;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Recipients;

namespace Repitbot.Notification.Data;

public sealed class NotificationDb(DbContextOptions<NotificationDb> options) : DbContext(options)
{
    public const string Schema = "notification";

    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<Delivery.Delivery> Deliveries => Set<Delivery.Delivery>();

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
        modelBuilder.Entity<Delivery.Delivery>(e =>
        {
            e.ToTable("deliveries");
            e.Property(d => d.IdempotencyKey).HasMaxLength(200);
            e.Property(d => d.TemplateKey).HasMaxLength(100);
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Address).HasMaxLength(254);
            e.Property(d => d.Subject).HasMaxLength(300);
            // The guarantee "never the same notification twice" rests on this index.
            e.HasIndex(d => new { d.IdempotencyKey, d.Channel }).IsUnique();
            e.HasIndex(d => new { d.RecipientId, d.CreatedAt });
        });
    }
}
