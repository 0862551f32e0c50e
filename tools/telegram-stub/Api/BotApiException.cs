namespace Repitbot.TelegramStub.Api;

/// <summary>An error answer in the Bot API's shape: {"ok":false,"error_code":N,"description":"..."}.</summary>
public sealed class BotApiException(int errorCode, string description, int? retryAfter = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
    public int? RetryAfter { get; } = retryAfter;

    public static BotApiException BadRequest(string what) => new(400, "Bad Request: " + what);
}
