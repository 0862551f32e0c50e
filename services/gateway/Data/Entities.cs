namespace Repitbot.Gateway.Data;

/// <summary>An API client created with <c>clients add</c>; only the SHA-256 of its secret is kept.</summary>
public sealed class StoredApiClient
{
    public required string Id { get; set; }
    public required byte[] SecretSha256 { get; set; }
    public required string Role { get; set; }
    public required string Subject { get; set; }
    public string[] Scopes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>
/// One sign-in and every refresh token rotated from it. Revoking the family ends the session: every
/// token of it, used or not, is refused from then on.
/// </summary>
public sealed class RefreshFamily
{
    public Guid Id { get; set; }
    public required string Subject { get; set; }
    public required string Role { get; set; }
    public required string Grant { get; set; }
    public long? TelegramUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The session ends here however often it is refreshed.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}

/// <summary>A refresh token, stored only as the SHA-256 of its text. <see cref="UsedAt"/> is set by the rotation that spends it.</summary>
public sealed class RefreshToken
{
    public required byte[] Hash { get; set; }
    public Guid FamilyId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
