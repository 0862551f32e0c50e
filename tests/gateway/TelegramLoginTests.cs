using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Repitbot.Gateway.Cli;
using Repitbot.Gateway.Telegram;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

public sealed class TelegramLoginTests
{
    private static readonly string BotToken = TelegramGatewayFixture.BotToken;

    private static Task<GatewayHost> StartAsync(string unknownUsers = "reject", string? botToken = null) =>
        GatewayHost.StartAsync(new()
        {
            ["Telegram:BotToken"] = botToken ?? BotToken,
            ["Telegram:UnknownUsers"] = unknownUsers,
        });

    internal static long NewTelegramId() => Random.Shared.NextInt64(1_000_000, long.MaxValue / 2);

    internal static async Task<HttpResponseMessage> LoginAsync(GatewayHost gateway, object payload) =>
        await gateway.Client.PostAsJsonAsync(new Uri("/auth/telegram", UriKind.Relative), payload);

    [Fact]
    public async Task A_known_tutor_gets_a_token_with_their_id_and_role_and_a_refresh_token_that_rotates()
    {
        await using var gateway = await StartAsync();
        var (telegramId, userId) = (NewTelegramId(), Guid.NewGuid());
        gateway.Backend.TelegramUsers[telegramId] = (userId, Roles.Tutor);

        var response = await LoginAsync(gateway, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (access, refresh) = await ReadTokensAsync(response);
        var claims = new JsonWebToken(access);
        Assert.Equal(userId.ToString(), claims.Subject);
        Assert.Equal(Roles.Tutor, claims.GetClaim("role").Value);
        Assert.Equal(telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), claims.GetClaim("telegram_id").Value);
        var session = claims.GetClaim("sid").Value;
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync($"/api/v1/dashboard?tutorId={userId}", access)).StatusCode);

        // The gateway asked the bot gateway with a service token of its own, which validates.
        var lookup = Assert.Single(gateway.Backend.LookupAuthorizations);
        var serviceToken = await TestTokens.ValidateAsync(lookup["Bearer ".Length..], [gateway.Key]);
        Assert.True(serviceToken.IsValid);
        Assert.Equal(Roles.Service, serviceToken.Claims["role"]);

        // Refresh: a new pair in the same session; the spent token used again revokes the session.
        var refreshed = await RefreshAsync(gateway, refresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var (access2, refresh2) = await ReadTokensAsync(refreshed);
        Assert.NotEqual(refresh, refresh2);
        Assert.Equal(session, new JsonWebToken(access2).GetClaim("sid").Value);
        Assert.Equal(userId.ToString(), new JsonWebToken(access2).Subject);

        var replayed = await RefreshAsync(gateway, refresh);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("invalid_grant", await ErrorCodeAsync(replayed));
        var afterReplay = await RefreshAsync(gateway, refresh2);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReplay.StatusCode);
        Assert.Contains("revoked", await afterReplay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ends_one_session_the_operator_command_ends_them_all_and_unknown_tokens_get_200()
    {
        await using var gateway = await StartAsync();
        var (telegramId, userId) = (NewTelegramId(), Guid.NewGuid());
        gateway.Backend.TelegramUsers[telegramId] = (userId, Roles.Student);
        var (_, phone) = await ReadTokensAsync(await LoginAsync(gateway, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow)));
        var (_, laptop) = await ReadTokensAsync(await LoginAsync(gateway, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow)));
        var (_, tablet) = await ReadTokensAsync(await LoginAsync(gateway, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow)));

        var revoked = await RevokeAsync(gateway, ("token", phone));
        var unknown = await RevokeAsync(gateway, ("token", "never-issued"));
        var missing = await RevokeAsync(gateway, ("token_type_hint", "refresh_token"));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"token\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(gateway, phone)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(gateway, "made-up-refresh-token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(gateway, laptop)).StatusCode);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("ConnectionStrings:Postgres", (string?)GatewayHost.ConnectionString)]).Build();
        var exit = await SessionsCommand.RunAsync(["sessions", "revoke", "--sub", userId.ToString()], settings, stdout, stderr,
            TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("2", stdout.ToString().Trim());
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(gateway, tablet)).StatusCode);
    }

    [Fact]
    public async Task Of_concurrent_refreshes_with_one_token_exactly_one_wins_and_the_session_is_then_revoked()
    {
        await using var gateway = await StartAsync();
        var telegramId = NewTelegramId();
        gateway.Backend.TelegramUsers[telegramId] = (Guid.NewGuid(), Roles.Tutor);
        var (_, refresh) = await ReadTokensAsync(await LoginAsync(gateway, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RefreshAsync(gateway, refresh)));

        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != winner), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var (_, next) = await ReadTokensAsync(winner);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(gateway, next)).StatusCode);
    }

    private static Task<HttpResponseMessage> RevokeAsync(GatewayHost gateway, (string Name, string Value) field) =>
        gateway.Client.PostAsync(new Uri("/auth/revoke", UriKind.Relative),
            new FormUrlEncodedContent([KeyValuePair.Create(field.Name, field.Value)]));

    [Fact]
    public async Task An_unknown_user_is_refused_by_default_and_a_student_of_a_stable_id_when_configured()
    {
        var telegramId = NewTelegramId();
        await using (var strict = await StartAsync())
        {
            var refused = await LoginAsync(strict, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("access_denied", await ErrorCodeAsync(refused));
        }

        await using var lenient = await StartAsync(unknownUsers: "student");
        var first = await ReadTokensAsync(await LoginAsync(lenient, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow)));
        var second = await ReadTokensAsync(await LoginAsync(lenient, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow)));

        var token = new JsonWebToken(first.Access);
        Assert.Equal(Roles.Student, token.GetClaim("role").Value);
        Assert.Equal(TelegramSubject.For(telegramId).ToString(), token.Subject);
        Assert.Equal(token.Subject, new JsonWebToken(second.Access).Subject);
        Assert.NotEqual(TelegramSubject.For(telegramId + 1), TelegramSubject.For(telegramId));
    }

    [Fact]
    public async Task The_bot_gateway_failing_or_no_bot_token_is_503_and_an_admin_from_the_directory_is_403()
    {
        await using var gateway = await StartAsync();
        var telegramId = NewTelegramId();
        gateway.Backend.LookupStatus = 500;
        var failing = await LoginAsync(gateway, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow));
        gateway.Backend.LookupStatus = null;
        gateway.Backend.TelegramUsers[telegramId] = (Guid.NewGuid(), Roles.Admin);
        var admin = await LoginAsync(gateway, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow));
        await using var unconfigured = await StartAsync(botToken: "");
        var off = await LoginAsync(unconfigured, TelegramWidget.Payload(BotToken, telegramId, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, off.StatusCode);
        Assert.Equal("temporarily_unavailable", await ErrorCodeAsync(off));
    }

    private static Task<HttpResponseMessage> RefreshAsync(GatewayHost gateway, string refreshToken) =>
        gateway.Client.PostAsync(new Uri("/auth/refresh", UriKind.Relative), new FormUrlEncodedContent(
            [KeyValuePair.Create("grant_type", "refresh_token"), KeyValuePair.Create("refresh_token", refreshToken)]));

    private static async Task<(string Access, string Refresh)> ReadTokensAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("access_token").GetString()!, body.RootElement.GetProperty("refresh_token").GetString()!);
    }

    internal static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString();
    }
}
