using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.People;

public sealed class PeopleOptions
{
    public const string Section = "People";

    /// <summary>How long an invite link can be opened.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00", ErrorMessage = "People__InviteLifetime must be between 00:01:00 and 90.00:00:00.")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(7);
}
