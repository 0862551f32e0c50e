using Microsoft.EntityFrameworkCore;

namespace Repitbot.Analytics.Data;

/// <summary>
/// The schema of the analytics store. EF owns the schema and its migrations; the hot ingestion path
/// writes with batched SQL through Npgsql (see <see cref="Ingestion.EventStore"/>).
/// </summary>
public sealed class AnalyticsDb(DbContextOptions<AnalyticsDb> options) : DbContext(options)
{
    public const string Schema = "analytics";

    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<DailyTutorStats> DailyTutorStats => Set<DailyTutorStats>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<StoredEvent>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => x.EventId);
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.Payload).HasColumnType("jsonb");
            e.HasIndex(x => new { x.TutorId, x.OccurredAt });
            e.HasIndex(x => new { x.Type, x.OccurredAt });
        });
        modelBuilder.Entity<DailyTutorStats>(e => e.HasKey(x => new { x.TutorId, x.Day }));
    }
}

/// <summary>Every event once, as it arrived: the source of truth every aggregate can be rebuilt from.</summary>
public sealed class StoredEvent
{
    public Guid EventId { get; set; }
    public required string Type { get; set; }
    public Guid TutorId { get; set; }
    public Guid? StudentId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>Per tutor and UTC day, updated in the same transaction that stores the events.</summary>
public sealed class DailyTutorStats
{
    public Guid TutorId { get; set; }
    public DateOnly Day { get; set; }
    public int LessonsCompleted { get; set; }
    public int NoShows { get; set; }
    public int MinutesTaught { get; set; }
}
