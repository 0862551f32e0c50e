using System.Net;
using System.Net.Http.Json;
using Repitbot.BotGateway.Students;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

public sealed class StudentsApiTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    [Fact]
    public async Task Creating_a_student_as_a_tutor_is_201_with_the_new_ids()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);

        var response = await tutor.PostAsJsonAsync(Routes.Students,
            new { displayName = "Маша Петрова", email = $"{Guid.NewGuid():N}@test.local", locale = "ru", timeZone = "Europe/Moscow" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<StudentCreated>(Json.Options);
        Assert.NotNull(created);
        Assert.NotEqual(Guid.Empty, created.StudentId);
        Assert.NotEqual(Guid.Empty, created.LinkId);
        Assert.Equal(tutorId, created.TutorId);
        Assert.Equal($"/api/v1/students/{created.StudentId}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Creating_a_student_opens_a_link_between_the_tutor_and_the_student()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);

        var created = await BotGatewayFactory.CreateStudentAsync(tutor);

        await using var command = factory.Database.CreateCommand(
            "SELECT tutor_id, student_id, valid_to IS NULL FROM bot_gateway.student_links WHERE id = $1");
        command.Parameters.AddWithValue(created.LinkId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No student_links row with id {created.LinkId}.");
        Assert.Equal(tutorId, reader.GetGuid(0));
        Assert.Equal(created.StudentId, reader.GetGuid(1));
        Assert.True(reader.GetBoolean(2), "A new link must be open (valid_to NULL).");
    }
}
