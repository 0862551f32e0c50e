using System.Text.Json;
using System.Text.Json.Serialization;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>An event as the analytics store keeps it: its row and its contribution to the day's counters.</summary>
public sealed record IngestedEvent(Guid EventId, string Type, Guid TutorId, Guid? StudentId, DateTimeOffset OccurredAt,
    string Payload, DailyCounters Delta)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Days are UTC days: late and out-of-order events land on the day they happened.</summary>
    public DateOnly Day => DateOnly.FromDateTime(OccurredAt.UtcDateTime);

    public static IngestedEvent From(LessonCompleted e) => new(e.EventId, nameof(LessonCompleted), e.TutorId,
        e.StudentId, e.OccurredAt, JsonSerializer.Serialize(e, Json),
        e.Outcome == LessonOutcome.Attended ? new DailyCounters(1, 0, e.Minutes) : new DailyCounters(0, 1, 0));
}
