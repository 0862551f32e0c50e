using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Repitbot.Analytics.Dashboard;

namespace Repitbot.Analytics.Tests.Support;

/// <summary>Reads GET /api/v1/dashboard.</summary>
public static class DashboardClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Uri For(int days, Guid? tutorId = null) =>
        new($"/api/v1/dashboard?days={days}{(tutorId is { } id ? $"&tutorId={id}" : "")}", UriKind.Relative);

    public static async Task<DashboardView> GetAsync(HttpClient client, int days = 7, Guid? tutorId = null)
    {
        var response = await client.GetAsync(For(days, tutorId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DashboardView>(Json))!;
    }

    /// <summary>Polls the dashboard until <paramref name="done"/> holds, and returns the last answer either way.</summary>
    public static Task<DashboardView> WaitUntilAsync(HttpClient client, Func<DashboardView, bool> done) =>
        WaitUntilAsync(client, done, Eventually.Timeout);

    public static async Task<DashboardView> WaitUntilAsync(HttpClient client, Func<DashboardView, bool> done, TimeSpan timeout)
    {
        DashboardView? last = null;
        await Eventually.Async(async () => done(last = await GetAsync(client)), timeout);
        return last!;
    }
}
