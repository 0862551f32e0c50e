namespace Repitbot.Hosting.Outbox;

/// <summary>A message written in the same transaction as the change that caused it, published later.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    /// <summary>Full name of a type in Repitbot.Contracts; nothing else is ever published from here.</summary>
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
