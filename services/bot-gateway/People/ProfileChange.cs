using System.ComponentModel.DataAnnotations;
using Repitbot.BotGateway.Students;

namespace Repitbot.BotGateway.People;

/// <summary>The parts of a profile to change; null leaves a part as it is. An empty e-mail removes it.</summary>
public sealed record ProfileChange
{
    [StringLength(200, MinimumLength = 1)]
    public string? DisplayName { get; init; }

    [RegularExpression("^(ru|en)$", ErrorMessage = "locale must be \"ru\" or \"en\".")]
    public string? Locale { get; init; }

    [IanaTimeZone]
    public string? TimeZone { get; init; }

    [StringLength(254)]
    [RegularExpression(@"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$", ErrorMessage = "email is not an e-mail address.")]
    public string? Email { get; init; }
}

public sealed record Profile(Guid UserId, string Role, string DisplayName, string? Email, string Locale, string TimeZone, long? TelegramUserId);
