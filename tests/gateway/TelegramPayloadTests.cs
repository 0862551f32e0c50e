using System.Net;
using System.Text.Json;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

/// <summary>Forged, stale and malformed Login Widget payloads; none of them gets as far as the user lookup.</summary>
public sealed class TelegramPayloadTests(TelegramGatewayFixture fixture) : IClassFixture<TelegramGatewayFixture>
{
    public static TheoryData<string, HttpStatusCode, string> BadPayloads => new()
    {
        { "wrong bot token", HttpStatusCode.Unauthorized, "invalid_grant" },
        { "changed name", HttpStatusCode.Unauthorized, "invalid_grant" },
        { "other user id", HttpStatusCode.Unauthorized, "invalid_grant" },
        { "two days old", HttpStatusCode.Unauthorized, "invalid_grant" },
        { "from the future", HttpStatusCode.Unauthorized, "invalid_grant" },
        { "no hash", HttpStatusCode.BadRequest, "hash" },
        { "no auth_date", HttpStatusCode.BadRequest, "auth_date" },
        { "id not a number", HttpStatusCode.BadRequest, "id" },
        { "nested object", HttpStatusCode.BadRequest, "first_name" },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task A_forged_stale_or_incomplete_payload_is_refused(string kind, HttpStatusCode status, string expected)
    {
        var gateway = fixture.Gateway;
        var telegramId = TelegramLoginTests.NewTelegramId();
        gateway.Backend.TelegramUsers[telegramId] = (Guid.NewGuid(), Roles.Tutor);
        var now = DateTimeOffset.UtcNow;
        var payload = kind switch
        {
            "wrong bot token" => TelegramWidget.Payload("654321:another-bot", telegramId, now),
            "two days old" => TelegramWidget.Payload(TelegramGatewayFixture.BotToken, telegramId, now.AddDays(-2)),
            "from the future" => TelegramWidget.Payload(TelegramGatewayFixture.BotToken, telegramId, now.AddHours(1)),
            _ => TelegramWidget.Payload(TelegramGatewayFixture.BotToken, telegramId, now),
        };
        switch (kind)
        {
            case "changed name": payload["first_name"] = "Admin"; break;
            case "other user id": payload["id"] = telegramId + 1; break;
            case "no hash": payload.Remove("hash"); break;
            case "no auth_date": payload.Remove("auth_date"); break;
            case "id not a number": payload["id"] = "12a"; break;
            case "nested object": payload["first_name"] = new { evil = true }; break;
        }

        var response = await TelegramLoginTests.LoginAsync(gateway, payload);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.Equal(expected, await TelegramLoginTests.ErrorCodeAsync(response));
        }
        else
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(expected, out _), kind);
        }

        Assert.Empty(gateway.Backend.LookupAuthorizations);
    }
}
