using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Gateway.Data;
using Repitbot.Gateway.Tokens;

namespace Repitbot.Gateway.Sessions;

/// <summary>
/// Refresh tokens with rotation: each one is spent by the refresh that uses it and replaced by a new
/// one of the same family. A spent token presented again means it was copied, so the whole family is
/// revoked and both the thief and the user must sign in again (OAuth 2.0 Security BCP §4.14.2).
/// </summary>
public sealed class RefreshTokens(GatewayDb db, TimeProvider clock, IOptions<TokenOptions> options)
{
    public async Task<(RefreshFamily Family, string Token)> StartAsync(string subject, string role, string grant,
        long? telegramUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var family = new RefreshFamily
        {
            Id = Guid.NewGuid(), Subject = subject, Role = role, Grant = grant, TelegramUserId = telegramUserId,
            CreatedAt = now, ExpiresAt = now + options.Value.SessionLifetime,
        };
        db.RefreshFamilies.Add(family);
        var token = Add(family, now);
        await db.SaveChangesAsync(cancellationToken);
        return (family, token);
    }

    public async Task<RefreshOutcome> RotateAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = Hash(presented);
        var now = clock.GetUtcNow();
        var found = await db.RefreshTokens.AsNoTracking().Where(t => t.Hash == hash)
            .Join(db.RefreshFamilies, t => t.FamilyId, f => f.Id, (t, f) => new { Token = t, Family = f })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RefreshOutcome.Failed("unknown");
        }

        if (found.Family.RevokedAt is not null)
        {
            return RefreshOutcome.Failed("revoked");
        }

        if (found.Token.UsedAt is not null)
        {
            await RevokeFamilyAsync(found.Family.Id, "reuse", cancellationToken);
            return RefreshOutcome.Failed("reused");
        }

        if (found.Token.ExpiresAt <= now || found.Family.ExpiresAt <= now)
        {
            return RefreshOutcome.Failed("expired");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only one of two concurrent refreshes with the same token can spend it; the other is a reuse.
        var spent = await db.RefreshTokens
            .Where(t => t.Hash == hash && t.UsedAt == null
                && db.RefreshFamilies.Any(f => f.Id == t.FamilyId && f.RevokedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (spent == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await RevokeFamilyAsync(found.Family.Id, "reuse", cancellationToken);
            return RefreshOutcome.Failed("reused");
        }

        var next = Add(found.Family, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RefreshOutcome(found.Family, next, null);
    }

    /// <summary>Revokes the family of this token; false when the token is unknown.</summary>
    public async Task<bool> RevokeAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = Hash(presented);
        var familyId = await db.RefreshTokens.Where(t => t.Hash == hash).Select(t => (Guid?)t.FamilyId)
            .FirstOrDefaultAsync(cancellationToken);
        if (familyId is not { } id)
        {
            return false;
        }

        await RevokeFamilyAsync(id, "revoked", cancellationToken);
        return true;
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshFamilies.Where(f => f.Id == familyId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.RevokedReason, reason),
                cancellationToken);
    }

    private string Add(RefreshFamily family, DateTimeOffset now)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var expires = now + options.Value.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            Hash = Hash(token), FamilyId = family.Id, IssuedAt = now,
            ExpiresAt = expires < family.ExpiresAt ? expires : family.ExpiresAt,
        });
        return token;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>A new refresh token and the session it belongs to, or why there is none.</summary>
public sealed record RefreshOutcome(RefreshFamily? Family, string? Token, string? Failure)
{
    public static RefreshOutcome Failed(string reason) => new(null, null, reason);
}
