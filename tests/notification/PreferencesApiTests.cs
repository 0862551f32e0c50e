using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

[Collection(SharedNotificationService.Name)]
public sealed class PreferencesApiTests(NotificationFactory factory)
{
    private static readonly string[] MaterialShared = ["material-shared"];
    private static readonly string[] Spam = ["spam"];

    [Fact]
    public async Task A_user_reads_defaults_and_writes_their_own_preferences()
    {
        var userId = Guid.NewGuid();
        await factory.RegisterStudentAsync(userId, "Лена", $"{userId:N}@test.local", timeZone: "Asia/Yekaterinburg");
        using var client = factory.ClientWithToken(factory.Tokens.Student(userId));
        var address = $"/api/v1/preferences/{userId}";

        var defaults = await client.GetFromJsonAsync<PreferenceView>(address);
        var put = await client.PutAsJsonAsync(address, new
        {
            telegramEnabled = false, optedOutTypes = MaterialShared, locale = "en", timeZone = "America/New_York",
            quietHoursFrom = "22:00", quietHoursTo = "07:30", dailyDigest = true,
        });

        Assert.Equal(("ru", "Asia/Yekaterinburg", true, null), (defaults!.Locale, defaults.TimeZone, defaults.TelegramEnabled, defaults.QuietHoursFrom));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = await client.GetFromJsonAsync<PreferenceView>(address);
        Assert.Equal(("en", "America/New_York", false, "22:00", "07:30", true, true),
            (stored!.Locale, stored.TimeZone, stored.TelegramEnabled, stored.QuietHoursFrom, stored.QuietHoursTo, stored.DailyDigest, stored.EmailEnabled));
        Assert.Equal(["material-shared"], stored.OptedOutTypes);
    }

    [Fact]
    public async Task Someone_else_is_403_and_an_admin_may()
    {
        var userId = Guid.NewGuid();
        await factory.RegisterStudentAsync(userId, "Ира", null);
        using var other = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));
        using var admin = factory.Admin();

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/preferences/{userId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/v1/preferences/{userId}", new { locale = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/preferences/{userId}", new { locale = "en" })).StatusCode);
    }

    [Fact]
    public async Task Bad_values_answer_400_naming_each_field()
    {
        var userId = Guid.NewGuid();
        await factory.RegisterStudentAsync(userId, "Оля", null);
        using var admin = factory.Admin();

        var bad = await admin.PutAsJsonAsync($"/api/v1/preferences/{userId}", new
        {
            timeZone = "Mars/Olympus", locale = "de", quietHoursFrom = "25:00", optedOutTypes = Spam, digestHour = 24,
        });
        var unknownUser = await admin.PutAsJsonAsync($"/api/v1/preferences/{Guid.NewGuid()}", new { locale = "en" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["digestHour", "locale", "optedOutTypes", "quietHoursFrom", "timeZone"], fields);
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Contains("userId", await unknownUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
