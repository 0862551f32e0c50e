using System.Net;
using System.Net.Http.Json;
using Repitbot.BotGateway.People;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.BotGateway.Tests;

public sealed class PeopleApiTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    [Fact]
    public async Task A_tutor_creates_student_and_parent_invites_but_a_parent_invite_needs_their_student()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);

        var forStudent = await tutor.PostAsJsonAsync("/api/v1/invites", new { role = "student" });
        var forParent = await tutor.PostAsJsonAsync("/api/v1/invites", new { role = "parent", studentId = student.StudentId });
        var parentWithoutStudent = await tutor.PostAsJsonAsync("/api/v1/invites", new { role = "parent" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.BadRequest),
            (forStudent.StatusCode, forParent.StatusCode, parentWithoutStudent.StatusCode));
        var invite = await forStudent.Content.ReadFromJsonAsync<InviteCreated>(Json.Options);
        Assert.True(invite!.Code.Length >= 20 && invite.ExpiresAt > DateTimeOffset.UtcNow.AddDays(6), $"Invite: {invite}");
        Assert.Equal(student.StudentId, (await forParent.Content.ReadFromJsonAsync<InviteCreated>(Json.Options))!.StudentId);
        Assert.Equal(["studentId"], await Problem.ReadErrorFieldsAsync(parentWithoutStudent));
    }

    [Fact]
    public async Task Unlinking_closes_the_link_keeps_history_and_stops_new_events()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);

        var unlinked = await tutor.DeleteAsync(new Uri($"/api/v1/students/{student.StudentId}/link", UriKind.Relative));
        var again = await tutor.DeleteAsync(new Uri($"/api/v1/students/{student.StudentId}/link", UriKind.Relative));
        var payment = await tutor.PostAsJsonAsync("/api/v1/events/payments/received",
            new { paymentId = Guid.NewGuid(), studentId = student.StudentId, amountMinor = 100, method = "cash" });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (unlinked.StatusCode, again.StatusCode, payment.StatusCode));
        await using var command = factory.Database.CreateCommand(
            "SELECT count(*) FROM bot_gateway.student_links WHERE student_id = $1 AND valid_to IS NOT NULL");
        command.Parameters.AddWithValue(student.StudentId);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        Assert.Contains(await OutboxRow.ForTutorAsync(factory.Database, tutorId), r => r.MessageType.EndsWith(".StudentUnlinked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_telegram_lookup_is_for_services_only_and_404s_an_unknown_account()
    {
        using var service = factory.ClientWithToken(factory.Tokens.Factory.Create("api-gateway", Roles.Service, TimeSpan.FromMinutes(5)));
        using var tutor = factory.TutorClient(Guid.NewGuid());
        var unknownId = Random.Shared.NextInt64(1, long.MaxValue);

        var asService = await service.GetAsync(new Uri($"/api/v1/users/by-telegram/{unknownId}", UriKind.Relative));
        var asTutor = await tutor.GetAsync(new Uri($"/api/v1/users/by-telegram/{unknownId}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (asService.StatusCode, asTutor.StatusCode));
        await Problem.ReadAsync(asService);
    }

    [Fact]
    public async Task Health_answers_on_health_and_the_openapi_document_lists_every_event_route()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        var openApi = await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("postgres", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.All(Events.EventKinds.All, kind => Assert.Contains($"/api/v1/events/{kind}", openApi, StringComparison.Ordinal));
        Assert.Contains("/api/v1/webhooks/{source}", openApi, StringComparison.Ordinal);
    }
}
