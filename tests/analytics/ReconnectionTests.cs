using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Analytics.Tests.Support;

namespace Repitbot.Analytics.Tests;

/// <summary>Ingestion opens its connection again after losing it, and what was published meanwhile is stored.</summary>
public sealed class ReconnectionTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Events_published_while_ingestion_lost_its_connection_are_stored_after_it_reconnects()
    {
        var tutorId = Guid.NewGuid();
        await factory.PublishAsync(Lessons.Attended(tutorId, 30));
        Assert.True(await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutorId) == 1));

        using var management = RabbitManagement.CreateClient();
        var vhost = new Uri(factory.RabbitMqUri).AbsolutePath.TrimStart('/');
        string? connection = null;
        Assert.True(await Eventually.Async(async () => (connection = await IngestionConnectionAsync(management, vhost)) is not null),
            "The management API lists no analytics-ingestion connection.");
        (await management.DeleteAsync(new Uri($"connections/{Uri.EscapeDataString(connection!)}", UriKind.Relative))).EnsureSuccessStatusCode();

        await factory.PublishAsync(Lessons.Attended(tutorId, 45));
        await factory.PublishAsync(Lessons.NoShow(tutorId));

        Assert.True(await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutorId) == 3),
            $"{await Store.EventCountAsync(factory.Database, tutorId)} of 3 events stored after the connection was closed.");
        Assert.True(await Eventually.Async(async () => await IngestionConnectionAsync(management, vhost) is { } again && again != connection),
            "Ingestion did not open a new connection.");
    }

    private static async Task<string?> IngestionConnectionAsync(HttpClient management, string vhost)
    {
        var connections = await management.GetFromJsonAsync<JsonElement>($"vhosts/{Uri.EscapeDataString(vhost)}/connections");
        return connections.EnumerateArray()
            .Where(c => c.TryGetProperty("client_properties", out var p) && p.TryGetProperty("connection_name", out var n)
                && n.GetString() == "analytics-ingestion")
            .Select(c => c.GetProperty("name").GetString())
            .FirstOrDefault();
    }
}
