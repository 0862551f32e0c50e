using System.Text.Json.Nodes;

namespace Repitbot.BotGateway.Bot;

/// <summary>
/// The notification types a user may switch off, as the notification service names them (its
/// <c>optedOutTypes</c> preference). The test notification and the digest are not among them: the first
/// always goes out, the second has its own switch.
/// </summary>
public static class NotificationTypeToggles
{
    public static readonly IReadOnlyList<string> Types =
    [
        "lesson-scheduled", "lesson-rescheduled", "lesson-cancelled", "lesson-reminder", "lesson-completed",
        "homework-assigned", "homework-graded", "payment-received", "balance-low", "student-linked", "material-shared",
    ];

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
