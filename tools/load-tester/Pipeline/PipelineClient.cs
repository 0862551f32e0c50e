using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>What the pipeline scenario asks of the gateway, as the tutor: students, lessons, the dashboard.</summary>
public sealed class PipelineClient(HttpClient client)
{
    public const string Rest = "rest";

    /// <summary>Students with e-mail addresses (English, London), so each lesson is mailed to one of them.</summary>
    public async Task<Guid[]> CreateStudentsAsync(string runId, int count, CancellationToken cancellationToken)
    {
        var students = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsJsonAsync("api/v1/students", new
            {
                displayName = $"Pipeline student {i}", email = $"pipeline-{runId}-{i}@load.repitbot.local", locale = "en",
                timeZone = "Europe/London",
            }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new TargetUnreachableException("gateway", client.BaseAddress!.ToString(),
                    $"POST /api/v1/students answered {(int)response.StatusCode} (is --tutor-token a tutor's token?)");
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                cancellationToken: cancellationToken);
            students[i] = body.RootElement.GetProperty("studentId").GetGuid();
        }

        return students;
    }

    /// <summary>Records one attended lesson; its subject is the marker the mail is found by.</summary>
    public async Task<Outcome> CompleteLessonAsync(Guid lessonId, Guid studentId, string subject, DateTimeOffset scheduledAt,
        CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("api/v1/events/lessons/completed", new
        {
            lessonId, studentId, outcome = "attended", minutes = 60, occurredAt = scheduledAt, subject,
        }, cancellationToken);
        return HttpTargets.OutcomeOf(Rest, response);
    }

    /// <summary>Lessons completed in the last 7 days as the tutor's dashboard shows them.</summary>
    public async Task<long> LessonsOnDashboardAsync(CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("api/v1/dashboard?days=7", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
            cancellationToken: cancellationToken);
        return body.RootElement.GetProperty("lessonsCompleted").GetProperty("value").GetInt64();
    }
}
