namespace Repitbot.Analytics.Tests.Streams;

/// <summary>
/// The rollups and Redis hashes recomputed the slow, obvious way from stored events, written out
/// independently of the service's own mapping: the oracle for the exactness tests.
/// Keys: (tutor, day) → column or hash field → value; zero values are left out.
/// </summary>
public sealed class NaiveRollup
{
    public Dictionary<(Guid, DateOnly), Dictionary<string, long>> Stats { get; } = [];
    public Dictionary<(Guid, DateOnly), Dictionary<string, long>> Hashes { get; } = [];
    public Dictionary<(Guid, DateOnly, string), (long Received, long Refunded)> Money { get; } = [];
    public Dictionary<(Guid, DateOnly, string, string), long> Cancellations { get; } = [];
    public Dictionary<(Guid, DateOnly), HashSet<Guid>> ActiveStudents { get; } = [];
    public Dictionary<(Guid, DateOnly), Dictionary<string, long>> MaterialViews { get; } = [];

    public static NaiveRollup Of(IEnumerable<StoredRow> rows)
    {
        var rollup = new NaiveRollup();
        foreach (var row in rows)
        {
            rollup.Add(row);
        }

        return rollup;
    }

    private void Add(StoredRow e)
    {
        var key = (e.TutorId, e.Day);
        var p = e.Payload;
        switch (e.Type)
        {
            case "LessonScheduled": Count(key, "lessons_scheduled"); break;
            case "LessonRescheduled": Count(key, "lessons_rescheduled"); break;
            case "LessonCancelled":
                Count(key, "lessons_cancelled");
                var by = p.GetProperty("cancelledBy").GetString()!;
                Bump(Hashes, key, "cancelled:" + by, 1);
                var reason = string.Join(' ', p.GetProperty("reason").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
                Cancellations[(e.TutorId, e.Day, by, reason)] = Cancellations.GetValueOrDefault((e.TutorId, e.Day, by, reason)) + 1;
                break;
            case "LessonCompleted" when p.GetProperty("outcome").GetString() == "Attended":
                Count(key, "lessons_completed");
                Count(key, "minutes_taught", p.GetProperty("minutes").GetInt32());
                Active(key, e.StudentId!.Value);
                break;
            case "LessonCompleted": Count(key, "no_shows"); break;
            case "HomeworkAssigned": Count(key, "homework_assigned"); break;
            case "HomeworkSubmitted": Count(key, "homework_submitted"); Active(key, e.StudentId!.Value); break;
            case "HomeworkGraded":
                Count(key, "homework_graded");
                Count(key, "homework_score_sum", p.GetProperty("score").GetInt32());
                break;
            case "MaterialShared": Count(key, "materials_shared"); break;
            case "MaterialViewed":
                Count(key, "materials_viewed");
                Active(key, e.StudentId!.Value);
                Bump(MaterialViews, key, p.GetProperty("materialId").GetGuid().ToString("N"), 1);
                break;
            case "StudentLinked": Count(key, "new_students"); break;
            case "StudentUnlinked": Count(key, "students_unlinked"); break;
            case "PaymentReceived":
                Count(key, "payments");
                AddMoney(e, p, received: true);
                Active(key, e.StudentId!.Value);
                break;
            case "PaymentRefunded": Count(key, "refunds"); AddMoney(e, p, received: false); break;
        }
    }

    private void Count((Guid, DateOnly) key, string column, long by = 1)
    {
        Bump(Stats, key, column, by);
        Bump(Hashes, key, column, by);
    }

    private void AddMoney(StoredRow e, System.Text.Json.JsonElement p, bool received)
    {
        var currency = p.GetProperty("currency").GetString()!;
        var amount = p.GetProperty("amountMinor").GetInt64();
        var (r, f) = Money.GetValueOrDefault((e.TutorId, e.Day, currency));
        Money[(e.TutorId, e.Day, currency)] = received ? (r + amount, f) : (r, f + amount);
        Bump(Hashes, (e.TutorId, e.Day), (received ? "received:" : "refunded:") + currency, amount);
    }

    private void Active((Guid, DateOnly) key, Guid student)
    {
        if (!ActiveStudents.TryGetValue(key, out var set))
        {
            ActiveStudents[key] = set = [];
        }

        set.Add(student);
    }

    private static void Bump(Dictionary<(Guid, DateOnly), Dictionary<string, long>> map, (Guid, DateOnly) key, string field, long by)
    {
        if (!map.TryGetValue(key, out var fields))
        {
            map[key] = fields = [];
        }

        fields[field] = fields.GetValueOrDefault(field) + by;
    }
}
