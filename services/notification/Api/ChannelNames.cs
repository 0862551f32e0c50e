using Repitbot.Contracts;

namespace Repitbot.Notification.Api;

public static class ChannelNames
{
    public static string Of(NotificationChannel channel) => channel.ToString().ToLowerInvariant();
}
