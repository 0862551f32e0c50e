using Repitbot.Contracts;

namespace Repitbot.Notification.Names;

public static class ChannelNames
{
    public static string Of(NotificationChannel channel) => channel.ToString().ToLowerInvariant();
}
