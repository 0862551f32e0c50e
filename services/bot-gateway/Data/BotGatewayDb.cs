using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Outbox;

namespace Repitbot.BotGateway.Data;

public sealed class BotGatewayDb(DbContextOptions<BotGatewayDb> options) : DbContext(options)
{
    public const string Schema = "bot_gateway";

    public DbSet<User> Users => Set<User>();
    public DbSet<StudentLink> StudentLinks => Set<StudentLink>();
    public DbSet<Lesson> Lessons => Set<Lesson>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutbox();
        modelBuilder.Entity<User>(e =>
        {
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Email).HasMaxLength(254);
            e.Property(u => u.Locale).HasMaxLength(8);
            e.Property(u => u.TimeZone).HasMaxLength(64);
        });
        modelBuilder.Entity<StudentLink>(e =>
        {
            e.HasIndex(l => new { l.TutorId, l.StudentId });
            // At most one open link per tutor and student; closed links stay as history.
            e.HasIndex(l => new { l.TutorId, l.StudentId }).IsUnique().HasFilter("valid_to IS NULL")
                .HasDatabaseName("ix_student_links_open");
        });
        modelBuilder.Entity<Lesson>(e =>
        {
            e.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.Subject).HasMaxLength(200);
            e.HasIndex(l => l.TutorId);
        });
    }
}
