namespace Repitbot.Gateway.Telegram;

/// <summary>
/// Who a Telegram user is in Repitbot. The bot gateway owns users; the gateway only asks, at sign-in.
/// </summary>
public interface ITelegramUserDirectory
{
    Task<DirectoryAnswer> FindAsync(long telegramUserId, CancellationToken cancellationToken);
}

public enum DirectoryStatus
{
    Found,
    NotFound,
    Unavailable,
}

/// <summary>The user's id and role when found; a reason (for the log) when the directory could not answer.</summary>
public sealed record DirectoryAnswer(DirectoryStatus Status, Guid UserId = default, string? Role = null, string? Reason = null)
{
    public static readonly DirectoryAnswer NotFound = new(DirectoryStatus.NotFound);

    public static DirectoryAnswer Unavailable(string reason) => new(DirectoryStatus.Unavailable, Reason: reason);
}
