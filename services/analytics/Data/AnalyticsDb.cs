using Microsoft.EntityFrameworkCore;

namespace Repitbot.Analytics.Data;

/// <summary>
/// The schema of the analytics store. EF owns the schema and its migrations; the hot ingestion path
/// writes with batched SQL through Npgsql (see <see cref="Ingestion.EventStore"/>). The events table is
/// partitioned by month in SQL the model cannot express (see the PartitionedEvents migration).
/// </summary>
public sealed class AnalyticsDb(DbContextOptions<AnalyticsDb> options) : DbContext(options)
{
    public const string Schema = "analytics";

    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<StoredEventId> EventIds => Set<StoredEventId>();
    public DbSet<DailyTutorStats> DailyTutorStats => Set<DailyTutorStats>();
    public DbSet<DailyRevenue> DailyRevenue => Set<DailyRevenue>();
    public DbSet<DailyCancellations> DailyCancellations => Set<DailyCancellations>();
    public DbSet<StudentLink> StudentLinks => Set<StudentLink>();
    public DbSet<WeeklyRetention> WeeklyRetention => Set<WeeklyRetention>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<StoredEvent>(e =>
        {
            e.ToTable("events");
            // A partitioned table's keys must contain the partition key; event_ids keeps event_id unique.
            e.HasKey(x => new { x.EventId, x.OccurredAt });
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.Payload).HasColumnType("jsonb");
            e.HasIndex(x => new { x.TutorId, x.OccurredAt });
            e.HasIndex(x => new { x.Type, x.OccurredAt });
        });
        modelBuilder.Entity<StoredEventId>(e =>
        {
            e.ToTable("event_ids");
            e.HasKey(x => x.EventId);
        });
        modelBuilder.Entity<DailyTutorStats>(e => e.HasKey(x => new { x.TutorId, x.Day }));
        modelBuilder.Entity<DailyRevenue>(e =>
        {
            e.ToTable("daily_revenue");
            e.HasKey(x => new { x.TutorId, x.Day, x.Currency });
            e.Property(x => x.Currency).HasMaxLength(3);
        });
        modelBuilder.Entity<DailyCancellations>(e =>
        {
            e.HasKey(x => new { x.TutorId, x.Day, x.CancelledBy, x.Reason });
            e.Property(x => x.CancelledBy).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(Ingestion.Cancellation.MaxReasonLength);
        });
        modelBuilder.Entity<StudentLink>(e =>
        {
            e.HasKey(x => x.LinkId);
            e.HasIndex(x => new { x.TutorId, x.StudentId });
            e.HasIndex(x => x.StudentId);
        });
        modelBuilder.Entity<WeeklyRetention>(e =>
        {
            e.ToTable("weekly_retention");
            e.HasKey(x => new { x.TutorId, x.CohortWeek, x.WeekOffset });
        });
    }
}
