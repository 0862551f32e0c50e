using Repitbot.Contracts;

namespace Repitbot.Notification.Delivery;

public enum DeliveryStatus { Pending, Sent, Failed, Skipped }

/// <summary>One notification on one channel; unique per idempotency key and channel.</summary>
public sealed class Delivery
{
    public Guid Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public Guid RecipientId { get; set; }
    public required string TemplateKey { get; set; }
    public NotificationChannel Channel { get; set; }
    public DeliveryStatus Status { get; set; }
    public string? Address { get; set; }
    public string? Subject { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
