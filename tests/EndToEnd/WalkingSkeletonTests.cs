using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Repitbot.EndToEnd.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.EndToEnd;

/// <summary>
/// A lesson recorded at the bot gateway crosses RabbitMQ, becomes an e-mail in the SMTP server's
/// mailbox and a number on the dashboard, read through the API gateway with a JWT.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class WalkingSkeletonTests(SuiteFixture suite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_completed_lesson_becomes_an_email_and_a_dashboard_count()
    {
        var tutorId = Guid.NewGuid();
        var tutor = suite.Tokens.Create(tutorId.ToString(), Roles.Tutor, TimeSpan.FromMinutes(10));
        var email = $"student-{Guid.NewGuid():N}@e2e.repitbot.local";
        var studentId = await CreateStudentAsync(tutor, "Мария Петрова", email);

        var recorded = await PostAsync(tutor, "/api/v1/events/lessons/completed",
            new { lessonId = Guid.NewGuid(), studentId, outcome = "attended", minutes = 60, subject = "Физика" });
        Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);

        var mails = await Mailbox.WaitForAsync(email, Patience);
        Assert.True(mails.Count == 1, $"{mails.Count} mails to {email}.\n{suite.OutputOf("notification")}");
        var mail = mails[0];
        Assert.Equal("Урок проведён: 60 мин", mail.Subject);
        Assert.Contains("Мария Петрова", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Физика", mail.TextBody, StringComparison.Ordinal);

        var dashboard = await WaitForDashboardAsync(tutor, lessons => lessons >= 1);
        Assert.Equal(1, dashboard.GetProperty("lessonsCompleted").GetProperty("value").GetInt64());
        Assert.Equal(60, dashboard.GetProperty("minutesTaught").GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task A_redelivered_event_changes_neither_the_count_nor_the_mail()
    {
        var tutorId = Guid.NewGuid();
        var tutor = suite.Tokens.Create(tutorId.ToString(), Roles.Tutor, TimeSpan.FromMinutes(10));
        var email = $"student-{Guid.NewGuid():N}@e2e.repitbot.local";
        var studentId = await CreateStudentAsync(tutor, "Иван", email);
        var recorded = await PostAsync(tutor, "/api/v1/events/lessons/completed",
            new { lessonId = Guid.NewGuid(), studentId, outcome = "attended", minutes = 45 });
        var eventId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetGuid();
        Assert.Single(await Mailbox.WaitForAsync(email, Patience));
        await WaitForDashboardAsync(tutor, lessons => lessons == 1);

        // As if the relay died after publishing but before marking the row: it publishes the event again.
        await ResendFromOutboxAsync(eventId);
        await WaitUntilPublishedAgainAsync(eventId);
        await Task.Delay(TimeSpan.FromSeconds(2)); // Give a wrong second count or mail the time to appear.

        var dashboard = await WaitForDashboardAsync(tutor, lessons => lessons >= 1);
        Assert.Equal(1, dashboard.GetProperty("lessonsCompleted").GetProperty("value").GetInt64());
        Assert.Equal(45, dashboard.GetProperty("minutesTaught").GetProperty("value").GetInt64());
        Assert.Single(Mailbox.Read(email));
    }

    [Fact]
    public async Task The_dashboard_refuses_missing_expired_and_forged_tokens()
    {
        var tutorId = Guid.NewGuid().ToString();
        var expired = suite.Tokens.Create(tutorId, Roles.Tutor, TimeSpan.FromMinutes(-5),
            notBefore: DateTimeOffset.UtcNow.AddMinutes(-10));
        var forged = new AccessTokenFactory(SigningKey.Generate(), TestTokens.Issuer, TestTokens.Audience, TimeProvider.System)
            .Create(tutorId, Roles.Tutor, TimeSpan.FromMinutes(5));

        foreach (var token in new string?[] { null, expired, forged, "not-a-jwt" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard?days=7");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var response = await suite.Gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_malformed_lesson_is_refused_with_the_field_named()
    {
        var tutor = suite.Tokens.Create(Guid.NewGuid().ToString(), Roles.Tutor, TimeSpan.FromMinutes(10));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events/lessons/completed")
        {
            Content = new StringContent($$"""{"lessonId":"{{Guid.NewGuid()}}","studentId":"{{Guid.NewGuid()}}","outcome":"attended","minutes":"sixty"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tutor);

        var response = await suite.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("minutes", out _), problem.ToString());
    }

    private async Task<Guid> CreateStudentAsync(string tutorToken, string name, string email)
    {
        var response = await PostAsync(tutorToken, "/api/v1/students", new { displayName = name, email, locale = "ru" });
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studentId").GetGuid();
    }

    private async Task<HttpResponseMessage> PostAsync(string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await suite.Gateway.SendAsync(request);
    }

    private async Task<JsonElement> WaitForDashboardAsync(string token, Func<long, bool> lessonsMatch)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement dashboard;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard?days=7");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await suite.Gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            dashboard = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (lessonsMatch(dashboard.GetProperty("lessonsCompleted").GetProperty("value").GetInt64()))
            {
                return dashboard;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The dashboard never showed the expected count: {dashboard}\n{suite.OutputOf("analytics")}");
        return dashboard;
    }

    private static async Task ResendFromOutboxAsync(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(SuiteFixture.BotGatewayPostgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE bot_gateway.outbox_messages SET published_at = NULL WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("id", eventId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task WaitUntilPublishedAgainAsync(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(SuiteFixture.BotGatewayPostgres);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                "SELECT attempts FROM bot_gateway.outbox_messages WHERE message_id = @id AND published_at IS NOT NULL", connection);
            command.Parameters.AddWithValue("id", eventId);
            if (await command.ExecuteScalarAsync() is int attempts && attempts >= 2)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The outbox relay did not publish the event again.");
    }
}
