using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.Lessons;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>
/// The REST intake of a completed lesson reads what it needs (earlier request under the key, the open link,
/// the lesson row) in one round trip before it saves (issue 19), with the same answers as before.
/// </summary>
public sealed class LessonIntakeRoundTripTests(CommandCountingBotGatewayFactory factory) : IClassFixture<CommandCountingBotGatewayFactory>
{
    [Fact]
    public async Task Completing_a_lesson_reads_the_database_once_before_saving()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);

        factory.Commands.Clear();
        var response = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId = Guid.NewGuid(), studentId = student.StudentId, outcome = "attended", minutes = 60 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reads = factory.Commands.Where(c => c.StartsWith("SELECT", StringComparison.Ordinal)
            && (c.Contains("student_links", StringComparison.Ordinal) || c.Contains("recorded_events", StringComparison.Ordinal)
                || c.Contains("lessons", StringComparison.Ordinal))).ToList();
        Assert.Single(reads);
    }

    [Fact]
    public async Task A_scheduled_lesson_read_in_that_round_trip_is_the_one_updated()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var lessonId = Guid.NewGuid();
        var scheduled = await tutor.PostAsJsonAsync(new Uri("/api/v1/events/lessons/scheduled", UriKind.Relative),
            new { lessonId, studentId = student.StudentId, startsAt = "2030-03-01T15:00:00+03:00", durationMinutes = 60 });

        var completed = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId, studentId = student.StudentId, outcome = "attended", minutes = 55, subject = "Геометрия" });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (scheduled.StatusCode, completed.StatusCode));
        await using var command = factory.Database.CreateCommand(
            "SELECT status, minutes, subject, starts_at FROM bot_gateway.lessons WHERE id = $1");
        command.Parameters.AddWithValue(lessonId);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(("Completed", 55, "Геометрия", DateTime.Parse("2030-03-01T12:00:00Z").ToUniversalTime()),
            (row.GetString(0), row.GetInt32(1), row.GetString(2), row.GetDateTime(3)));
    }

    [Fact]
    public async Task A_repeat_after_the_student_was_unlinked_still_answers_with_the_recorded_event()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var body = new { lessonId = Guid.NewGuid(), studentId = student.StudentId, outcome = "attended", minutes = 60 };
        var first = await tutor.PostAsJsonAsync(Routes.LessonCompleted, body);
        var unlinked = await tutor.DeleteAsync(new Uri($"/api/v1/students/{student.StudentId}/link", UriKind.Relative));

        var again = await tutor.PostAsJsonAsync(Routes.LessonCompleted, body);
        var otherLesson = await tutor.PostAsJsonAsync(Routes.LessonCompleted, body with { lessonId = Guid.NewGuid() });

        Assert.True(unlinked.IsSuccessStatusCode, $"unlink answered {(int)unlinked.StatusCode}");
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.NotFound),
            (first.StatusCode, again.StatusCode, otherLesson.StatusCode));
        Assert.Equal((await first.Content.ReadFromJsonAsync<EventRecorded>(Json.Options))!.EventId,
            (await again.Content.ReadFromJsonAsync<EventRecorded>(Json.Options))!.EventId);
    }
}

/// <summary>The bot gateway with every SQL command its DbContext sends recorded, to count round trips.</summary>
public sealed class CommandCountingBotGatewayFactory : BotGatewayFactory
{
    public ConcurrentQueue<string> Commands { get; } = new();

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        base.ConfigureTestServices(builder);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<BotGatewayDb>(options => options.AddInterceptors(new CommandRecorder(Commands))));
    }

    private sealed class CommandRecorder(ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText.TrimStart());
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
