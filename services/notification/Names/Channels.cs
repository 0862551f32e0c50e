using Repitbot.Contracts;

namespace Repitbot.Notification.Names;

public static class Channels
{
    public static readonly string[] Locales = ["ru", "en"];

    /// <summary>"email" or "telegram", any case.</summary>
    public static bool TryParse(string? value, out NotificationChannel channel) =>
        Enum.TryParse(value, ignoreCase: true, out channel) && Enum.IsDefined(channel) && !int.TryParse(value, out _);
}
