using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.Analytics.Data;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>
/// The report job tables, in the analytics schema but with their own migrations (and history table),
/// so the read side's schema evolves without touching the event store's migrations.
/// </summary>
public sealed class ReportsDb(DbContextOptions<ReportsDb> options) : DbContext(options)
{
    public const string HistoryTable = "__ef_reports_migrations_history";

    public DbSet<ReportJob> Jobs => Set<ReportJob>();
    public DbSet<ReportFile> Files => Set<ReportFile>();

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) => options
        .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(HistoryTable, AnalyticsDb.Schema))
        .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(AnalyticsDb.Schema);
        modelBuilder.Entity<ReportJob>(e =>
        {
            e.ToTable("report_jobs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Format).HasMaxLength(8);
            e.Property(x => x.Locale).HasMaxLength(8);
            e.Property(x => x.RequestedBy).HasMaxLength(128);
            e.HasIndex(x => new { x.Status, x.CreatedAt });
        });
        modelBuilder.Entity<ReportFile>(e =>
        {
            e.ToTable("report_files");
            e.HasKey(x => x.JobId);
            e.HasOne<ReportJob>().WithOne().HasForeignKey<ReportFile>(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class ReportJob
{
    public Guid Id { get; set; }
    public required string RequestedBy { get; set; }
    public Guid? TutorId { get; set; }
    public DateOnly FromDay { get; set; }
    public DateOnly ToDay { get; set; }
    public required string Format { get; set; }
    public required string Locale { get; set; }
    /// <summary>queued, running, done or failed.</summary>
    public required string Status { get; set; }
    public int Progress { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Until when the worker that claimed it owns it; after that another worker may take it over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}

public sealed class ReportFile
{
    public Guid JobId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
