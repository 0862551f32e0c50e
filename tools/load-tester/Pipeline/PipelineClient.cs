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
    public Task<Guid[]> CreateStudentsAsync(string runId, int count, CancellationToken cancellationToken) =>
        CreateStudentsAsync(runId, "", count, 1, cancellationToken);

    /// <summary>
    /// Students <c>pipeline-RUN-PREFIXi@load.repitbot.local</c> for i below <paramref name="count"/>, created
    /// <paramref name="parallel"/> at a time.
    /// </summary>
    public async Task<Guid[]> CreateStudentsAsync(string runId, string prefix, int count, int parallel, CancellationToken cancellationToken)
    {
        var students = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                using var response = await client.PostAsJsonAsync("api/v1/students", new
                {
                    displayName = $"Pipeline student {prefix}{i}", email = $"pipeline-{runId}-{prefix}{i}@load.repitbot.local", locale = "en",
                    timeZone = "Europe/London",
                }, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new TargetUnreachableException("gateway", client.BaseAddress!.ToString(),
                        $"POST /api/v1/students answered {(int)response.StatusCode} (is --tutor-token a tutor's token?)");
                }

                using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                students[i] = body.RootElement.GetProperty("studentId").GetGuid();
            });

        return students;
    }

    /// <summary>Records one attended lesson; its subject is the marker the mail is found by.</summary>
    public Task<Outcome> CompleteLessonAsync(Guid lessonId, Guid studentId, string subject, DateTimeOffset scheduledAt,
        CancellationToken cancellationToken) => CompleteLessonAsync(Rest, lessonId, studentId, subject, scheduledAt, cancellationToken);

    public async Task<Outcome> CompleteLessonAsync(string operation, Guid lessonId, Guid studentId, string subject, DateTimeOffset scheduledAt,
        CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("api/v1/events/lessons/completed", new
        {
            lessonId, studentId, outcome = "attended", minutes = 60, occurredAt = scheduledAt, subject,
        }, cancellationToken);
        return HttpTargets.OutcomeOf(operation, response);
    }

    /// <summary>A lesson planned to start at <paramref name="startsAt"/>; its subject is the marker its mail is found by.</summary>
    public async Task<Outcome> ScheduleLessonAsync(string operation, Guid lessonId, Guid studentId, DateTimeOffset startsAt, string subject,
        CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("api/v1/events/lessons/scheduled", new
        {
            lessonId, studentId, startsAt, durationMinutes = 60, subject,
        }, cancellationToken);
        return HttpTargets.OutcomeOf(operation, response);
    }

    /// <summary>A card payment of <paramref name="amountMinor"/> kopecks; the amount is what its receipt is found by.</summary>
    public async Task<Outcome> RecordPaymentAsync(string operation, Guid paymentId, Guid studentId, long amountMinor, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("api/v1/events/payments/received", new
        {
            paymentId, studentId, amountMinor, currency = "RUB", method = "card", lessonsCovered = 4, receivedAt,
        }, cancellationToken);
        return HttpTargets.OutcomeOf(operation, response);
    }

    /// <summary>Homework due in a week; its title is the marker its mail is found by.</summary>
    public async Task<Outcome> AssignHomeworkAsync(string operation, Guid homeworkId, Guid studentId, string title, DateTimeOffset assignedAt,
        CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("api/v1/events/homework/assigned", new
        {
            homeworkId, studentId, title, dueAt = assignedAt.AddDays(7),
        }, cancellationToken);
        return HttpTargets.OutcomeOf(operation, response);
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
