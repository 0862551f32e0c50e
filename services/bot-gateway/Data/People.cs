using Repitbot.Contracts;

namespace Repitbot.BotGateway.Data;

/// <summary>A single-use, expiring code behind <c>t.me/&lt;bot&gt;?start=&lt;code&gt;</c>.</summary>
public sealed class Invite
{
    public required string Code { get; set; }
    public Guid TutorId { get; set; }
    /// <summary>Student or Parent.</summary>
    public UserRole Role { get; set; }
    /// <summary>For a parent invite: whose parent.</summary>
    public Guid? StudentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public Guid? UsedBy { get; set; }
}
