namespace Repitbot.TelegramStub.State;

/// <summary>
/// A scripted failure: the next <see cref="Count"/> calls of a method (optionally to one chat) answer with it,
/// or, when <see cref="Until"/> is set, every such call until then (an outage "for a while" rather than a number of calls).
/// </summary>
public sealed class Fault
{
    public required string Method { get; init; }
    public long? ChatId { get; init; }
    public int Count { get; set; } = 1;
    public int Status { get; init; } = 500;
    public string? Description { get; init; }
    public int? RetryAfter { get; init; }
    public DateTimeOffset? Until { get; init; }

    public bool IsActive(DateTimeOffset now) => Until is { } until ? now < until : Count > 0;

    public bool Matches(string method, long? chatId, DateTimeOffset now) =>
        IsActive(now) && (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (ChatId is null || ChatId == chatId);

    /// <summary>Uses up one answer of a counted fault; a timed fault lasts until its end whatever the number of calls.</summary>
    public void Consume()
    {
        if (Until is null)
        {
            Count--;
        }
    }

    public string EffectiveDescription => Description ?? Status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden: bot was blocked by the user",
        404 => "Not Found",
        409 => "Conflict",
        429 => $"Too Many Requests: retry after {RetryAfter ?? 1}",
        502 => "Bad Gateway",
        _ => "Internal Server Error",
    };
}
