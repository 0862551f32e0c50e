using Microsoft.EntityFrameworkCore;

namespace Repitbot.Gateway.Data;

/// <summary>
/// What the gateway must remember between requests: API clients created by operators, and the refresh
/// token families of signed-in users. Proxied requests never touch it.
/// </summary>
public sealed class GatewayDb(DbContextOptions<GatewayDb> options) : DbContext(options)
{
    public const string Schema = "gateway";

    public DbSet<StoredApiClient> ApiClients => Set<StoredApiClient>();
    public DbSet<RefreshFamily> RefreshFamilies => Set<RefreshFamily>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<StoredApiClient>(e =>
        {
            e.ToTable("api_clients");
            e.Property(c => c.Id).HasMaxLength(64);
            e.Property(c => c.SecretSha256).HasMaxLength(32);
            e.Property(c => c.Role).HasMaxLength(16);
            e.Property(c => c.Subject).HasMaxLength(128);
        });
        modelBuilder.Entity<RefreshFamily>(e =>
        {
            e.Property(f => f.Subject).HasMaxLength(128);
            e.Property(f => f.Role).HasMaxLength(16);
            e.Property(f => f.Grant).HasMaxLength(32);
            e.Property(f => f.RevokedReason).HasMaxLength(32);
            e.HasIndex(f => f.Subject);
        });
        modelBuilder.Entity<RefreshToken>(e =>
        {
            e.HasKey(t => t.Hash);
            e.Property(t => t.Hash).HasMaxLength(32);
            e.HasOne<RefreshFamily>().WithMany().HasForeignKey(t => t.FamilyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => t.FamilyId);
        });
    }
}
