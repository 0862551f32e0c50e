using System.Text.Json.Nodes;
using Repitbot.BotGateway.Bot;

namespace Repitbot.BotGateway.Tests;

public sealed class NotificationTypeTogglesTests
{
    [Fact]
    public void Flipping_a_type_twice_restores_the_list_and_keeps_the_other_preferences()
    {
        var preferences = new JsonObject { ["emailEnabled"] = true, ["optedOutTypes"] = new JsonArray("balance-low") };
        foreach (var type in NotificationTypeToggles.Types)
        {
            NotificationTypeToggles.Flip(preferences, type);
            Assert.Equal(type != "balance-low", NotificationTypeToggles.OptedOut(preferences).Contains(type));
            NotificationTypeToggles.Flip(preferences, type);
            Assert.Equal(["balance-low"], NotificationTypeToggles.OptedOut(preferences));
        }

        Assert.True(preferences["emailEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Preferences_without_the_list_count_as_nothing_opted_out()
    {
        var preferences = new JsonObject { ["telegramEnabled"] = false };
        NotificationTypeToggles.Flip(preferences, "lesson-reminder");
        Assert.Equal(["lesson-reminder"], NotificationTypeToggles.OptedOut(preferences));
    }
}
