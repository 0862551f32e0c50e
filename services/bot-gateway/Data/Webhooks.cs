namespace Repitbot.BotGateway.Data;

public enum WebhookStatus { Pending, Processed, Failed }

/// <summary>A payload from an outside system, kept as received so it can be replayed after a fix.</summary>
public sealed class WebhookMessage
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public required string Payload { get; set; }
    public WebhookStatus Status { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}
