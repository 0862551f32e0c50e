namespace Repitbot.BotGateway.Data;

/// <summary>An update already handled: Telegram resends updates it is not sure we got.</summary>
public sealed class ProcessedUpdate
{
    public long UpdateId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>Where a chat is in a multi-step flow; in PostgreSQL so any instance can continue it.</summary>
public sealed class Conversation
{
    public long ChatId { get; set; }
    public required string Flow { get; set; }
    /// <summary>The flow's answers so far (JSON object of strings).</summary>
    public required string Data { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
