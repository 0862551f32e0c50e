using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Outbox;

namespace Repitbot.BotGateway.Data;

public sealed class BotGatewayDb(DbContextOptions<BotGatewayDb> options) : DbContext(options)
{
    public const string Schema = "bot_gateway";

    public DbSet<User> Users => Set<User>();
    public DbSet<StudentLink> StudentLinks => Set<StudentLink>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Homework> Homework => Set<Homework>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<RecordedEvent> RecordedEvents => Set<RecordedEvent>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<WebhookMessage> WebhookMessages => Set<WebhookMessage>();
    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<StudyLevelChange> StudyLevelChanges => Set<StudyLevelChange>();
    public DbSet<LevelScale> LevelScales => Set<LevelScale>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotGatewayDb).Assembly);
    }
}
