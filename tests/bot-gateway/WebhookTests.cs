using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.BotGateway.Webhooks;

namespace Repitbot.BotGateway.Tests;

public sealed class WebhookTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    private static readonly Uri Intake = new($"/api/v1/webhooks/{BotGatewayFactory.WebhookSource}", UriKind.Relative);

    private static HttpRequestMessage Signed(string body, DateTimeOffset? at = null, string secret = BotGatewayFactory.WebhookSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, Intake) { Content = Json.Raw(body) };
        request.Headers.Add(WebhookSignature.Header, $"t={timestamp},v1={WebhookSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body))}");
        return request;
    }

    private static string Delivery(string externalId, string type, Guid tutorId, object data) =>
        JsonSerializer.Serialize(new { id = externalId, type, tutorId, data });

    [Fact]
    public async Task A_signed_delivery_becomes_one_event_and_its_resend_is_ignored()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        using var anonymous = factory.CreateClient();
        var externalId = "evt-" + Guid.NewGuid();
        var body = Delivery(externalId, "lessons/completed", tutorId,
            new { studentId = student.StudentId, outcome = "attended", minutes = 55 });

        var first = await anonymous.SendAsync(Signed(body));
        var resent = await anonymous.SendAsync(Signed(body));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, resent.StatusCode));
        var receipt = await first.Content.ReadFromJsonAsync<WebhookReceipt>(Json.Options);
        Assert.Equal(("processed", null), (receipt!.Status, receipt.Error));
        Assert.Equal("duplicate", (await resent.Content.ReadFromJsonAsync<WebhookReceipt>(Json.Options))!.Status);
        var row = Assert.Single(await OutboxRow.ForTutorAsync(factory.Database, tutorId), r => r.MessageType.EndsWith(".LessonCompleted", StringComparison.Ordinal));
        Assert.Contains("\"minutes\":55", row.Body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await using var stored = factory.Database.CreateCommand(
            "SELECT count(*) FROM bot_gateway.webhook_messages WHERE source = $1 AND external_id = $2");
        stored.Parameters.AddWithValue(BotGatewayFactory.WebhookSource);
        stored.Parameters.AddWithValue(externalId);
        Assert.Equal(1L, await stored.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_payload_that_jsonb_cannot_hold_is_a_400_naming_the_body()
    {
        using var anonymous = factory.CreateClient();
        var body = Delivery("evt-" + Guid.NewGuid(), "lessons/completed", Guid.NewGuid(), new { note = "nul\u0000here" });

        var response = await anonymous.SendAsync(Signed(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"body\"", problem, StringComparison.Ordinal);
        Assert.Contains("cannot be stored", problem, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadSignatures => ["", "t=abc,v1=00", "v1=deadbeef", "stale", "wrong-secret"];

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task A_missing_wrong_or_stale_signature_is_401_and_nothing_is_stored(string kind)
    {
        using var anonymous = factory.CreateClient();
        var externalId = "evt-" + Guid.NewGuid();
        var body = Delivery(externalId, "lessons/completed", Guid.NewGuid(), new { });
        var request = kind switch
        {
            "stale" => Signed(body, DateTimeOffset.UtcNow.AddMinutes(-6)),
            "wrong-secret" => Signed(body, secret: "another-secret-0123456789"),
            _ => new HttpRequestMessage(HttpMethod.Post, Intake) { Content = Json.Raw(body) },
        };
        if (kind.Length > 0 && kind.Contains('='))
        {
            request.Headers.Add(WebhookSignature.Header, kind);
        }

        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Problem.ReadAsync(response);
        Assert.Equal(0L, await CountRowsAsync(externalId));
    }

    [Fact]
    public async Task A_timestamp_inside_the_window_is_accepted()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.SendAsync(Signed(Delivery("evt-" + Guid.NewGuid(), "nope", Guid.NewGuid(), new { }),
            DateTimeOffset.UtcNow.AddMinutes(-4)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<WebhookReceipt>(Json.Options);
        Assert.Equal("failed", receipt!.Status);
        Assert.StartsWith("type:", receipt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_json_is_400_oversized_is_413_and_an_unknown_source_is_404()
    {
        using var anonymous = factory.CreateClient();

        var notJson = await anonymous.SendAsync(Signed("this is not json"));
        var noId = await anonymous.SendAsync(Signed("""{"type":"lessons/completed"}"""));
        var huge = await anonymous.SendAsync(Signed(Delivery("evt-big", "x", Guid.NewGuid(), new { filler = new string('x', BotGatewayFactory.WebhookMaxBodyBytes) })));
        var unknown = await anonymous.PostAsync(new Uri("/api/v1/webhooks/nobody", UriKind.Relative), Json.Raw("{}"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.NotFound),
            (notJson.StatusCode, noId.StatusCode, huge.StatusCode, unknown.StatusCode));
        Assert.Equal(["id"], await Problem.ReadErrorFieldsAsync(noId));
    }

    [Fact]
    public async Task A_delivery_that_arrived_too_early_fails_is_listed_and_goes_through_on_replay()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        using var anonymous = factory.CreateClient();
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());
        var paymentId = Guid.NewGuid();
        var refundFirst = await anonymous.SendAsync(Signed(Delivery("refund-" + paymentId, "payments/refunded", tutorId, new { paymentId })));
        var failed = await refundFirst.Content.ReadFromJsonAsync<WebhookReceipt>(Json.Options);

        var listed = await admin.GetFromJsonAsync<List<WebhookInboxItem>>(
            $"/api/v1/webhooks/inbox?status=failed&source={BotGatewayFactory.WebhookSource}&limit=500", Json.Options);
        var payment = await anonymous.SendAsync(Signed(Delivery("pay-" + paymentId, "payments/received", tutorId,
            new { paymentId, studentId = student.StudentId, amountMinor = 150000, method = "card", lessonsCovered = 1 })));
        var replayed = await admin.PostAsync(new Uri($"/api/v1/webhooks/inbox/{failed!.Id}/replay", UriKind.Relative), null);
        var asTutor = await tutor.GetAsync(new Uri("/api/v1/webhooks/inbox", UriKind.Relative));

        Assert.Equal(("failed", true), (failed.Status, failed.Error!.StartsWith("paymentId:", StringComparison.Ordinal)));
        Assert.Contains(listed!, i => i.Id == failed.Id && i.Payload.Contains(paymentId.ToString(), StringComparison.Ordinal));
        Assert.Equal("processed", (await payment.Content.ReadFromJsonAsync<WebhookReceipt>(Json.Options))!.Status);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("processed", (await replayed.Content.ReadFromJsonAsync<WebhookReceipt>(Json.Options))!.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asTutor.StatusCode);
        Assert.Equal(["PaymentReceived", "PaymentRefunded"], (await OutboxRow.ForTutorAsync(factory.Database, tutorId))
            .Select(r => r.MessageType.Replace("Repitbot.Contracts.", "", StringComparison.Ordinal)).Where(t => t.StartsWith("Payment", StringComparison.Ordinal)));
    }

    private async Task<long> CountRowsAsync(string externalId)
    {
        await using var command = factory.Database.CreateCommand("SELECT count(*) FROM bot_gateway.webhook_messages WHERE external_id = $1");
        command.Parameters.AddWithValue(externalId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
