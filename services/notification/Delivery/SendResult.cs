namespace Repitbot.Notification.Delivery;

/// <summary>What a provider made of one message.</summary>
public abstract record SendResult
{
    /// <summary>Accepted; <paramref name="ProviderMessageId"/> is the provider's reference.</summary>
    public sealed record Sent(string? ProviderMessageId) : SendResult;

    /// <summary>Try again later (connection errors, SMTP 4xx, Telegram 5xx and 429), not before <paramref name="RetryAfter"/> if given.</summary>
    public sealed record Transient(string Reason, string Code, TimeSpan? RetryAfter = null) : SendResult;

    /// <summary>Retrying cannot help; <paramref name="DisableChannel"/> when the address itself is dead.</summary>
    public sealed record Permanent(string Reason, string Code, bool DisableChannel) : SendResult;

    /// <summary>Not sent yet and no attempt spent: wait for the rate limiter.</summary>
    public sealed record Later(TimeSpan Wait) : SendResult;
}

/// <summary>One channel's provider.</summary>
public interface IChannelSender
{
    Task<SendResult> SendAsync(Delivery delivery, Templates.RenderedMessage message, string recipientName, CancellationToken cancellationToken);
}
