using Repitbot.Contracts;

namespace Repitbot.Notification.Delivery;

public enum DeliveryStatus { Pending, Scheduled, Sending, Sent, Failed, Suppressed }

/// <summary>
/// One notification on one channel, and at the same time its entry in the durable schedule: the channel
/// workers claim rows whose <see cref="DueAt"/> has come. Unique per idempotency key and channel.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public Guid RecipientId { get; set; }
    /// <summary>The notification type; also the key of its templates.</summary>
    public required string TemplateKey { get; set; }
    public NotificationChannel Channel { get; set; }
    public DeliveryStatus Status { get; set; }
    public string? Address { get; set; }
    public string? Subject { get; set; }
    /// <summary>Template variables as JSON; rendered at send time in the recipient's language.</summary>
    public string Data { get; set; } = "{}";
    /// <summary>Lesson id or similar: rows of one group are withdrawn together (a cancelled lesson's reminders).</summary>
    public string? GroupKey { get; set; }
    /// <summary>When a permanent Telegram failure may be followed by an e-mail.</summary>
    public bool FallbackToEmail { get; set; }
    /// <summary>Which workers may claim the row: instances sharing a database share it (tests give each host its own).</summary>
    public string Partition { get; set; } = DeliveryOptions.DefaultPartition;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? ProviderMessageId { get; set; }
    /// <summary>When the event happened: the start of the end-to-end latency.</summary>
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>A claim's lease: a worker that dies mid-send leaves the row to be claimed again after it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>
    /// How often the row was claimed again after a lease ran out with no outcome recorded (its instance died or
    /// hung mid-send). The earlier attempt may have reached the provider, so above 0 the reader may have the
    /// message twice: neither the Bot API nor SMTP can be asked whether they already have it.
    /// </summary>
    public int LeaseExpirations { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
