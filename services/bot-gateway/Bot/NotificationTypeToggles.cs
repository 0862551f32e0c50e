using System.Text.Json.Nodes;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Bot;

/// <summary>The notification types a user may switch off, kept in the notification service's <c>optedOutTypes</c> preference.</summary>
public static class NotificationTypeToggles
{
    public static IReadOnlyList<string> Types => NotificationTypeNames.Switchable;

    public static HashSet<string> OptedOut(JsonObject preferences) =>
        preferences["optedOutTypes"] is JsonArray types
            ? types.Select(t => t?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];

    /// <summary>Adds <paramref name="type"/> to the opted-out list, or takes it off when it is there.</summary>
    public static void Flip(JsonObject preferences, string type)
    {
        var optedOut = OptedOut(preferences);
        if (!optedOut.Remove(type))
        {
            optedOut.Add(type);
        }

        preferences["optedOutTypes"] = new JsonArray([.. optedOut.Order(StringComparer.Ordinal).Select(t => JsonValue.Create(t))]);
    }
}
