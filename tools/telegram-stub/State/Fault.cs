namespace Repitbot.TelegramStub.State;

/// <summary>A scripted failure: the next <see cref="Count"/> calls of a method (optionally to one chat) answer with it.</summary>
public sealed class Fault
{
    public required string Method { get; init; }
    public long? ChatId { get; init; }
    public int Count { get; set; } = 1;
    public int Status { get; init; } = 500;
    public string? Description { get; init; }
    public int? RetryAfter { get; init; }

    public bool Matches(string method, long? chatId) =>
        Count > 0 && (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (ChatId is null || ChatId == chatId);

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
