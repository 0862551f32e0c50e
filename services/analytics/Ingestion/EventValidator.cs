using System.Text.RegularExpressions;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// What a well-formed event looks like to analytics. A malformed one is refused (to the error queue, or
/// an import's error report) instead of poisoning the rollups.
/// </summary>
public static partial class EventValidator
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromDays(1);

    /// <summary>Null when the event is fine, otherwise the first problem found, naming the field.</summary>
    public static string? Problem(IDomainEvent e, DateTimeOffset now)
    {
        if (e.EventId == Guid.Empty)
        {
            return "eventId is missing.";
        }

        if (e.TutorId == Guid.Empty)
        {
            return "tutorId is missing.";
        }

        if (e.OccurredAt < Earliest || e.OccurredAt > now + AllowedClockSkew)
        {
            return $"occurredAt {e.OccurredAt:O} is outside {Earliest:yyyy-MM-dd} .. now + 1 day.";
        }

        return IngestedEvent.StudentOf(e) == Guid.Empty ? "studentId is missing." : TypeProblem(e);
    }

    private static string? TypeProblem(IDomainEvent e) =>
        e switch
        {
            LessonCompleted c when !Enum.IsDefined(c.Outcome) => "outcome is not Attended or NoShow.",
            LessonCompleted { Minutes: < 0 or > 24 * 60 } => "minutes must be between 0 and 1440.",
            // The lesson's own time decides its day (HappenedAt), so it is held to the same floor as occurredAt.
            LessonCompleted { StartsAt: { } startsAt } when startsAt < Earliest => $"startsAt {startsAt:O} is before {Earliest:yyyy-MM-dd}.",
            LessonCancelled c when !Enum.IsDefined(c.CancelledBy) => "cancelledBy is not a known party.",
            LessonCancelled { Reason: null } => "reason is missing.",
            HomeworkGraded { Score: < 0 or > 100 } => "score must be between 0 and 100.",
            PaymentReceived p => MoneyProblem(p.AmountMinor, p.Currency) ?? (Enum.IsDefined(p.Method) ? null : "method is unknown."),
            PaymentRefunded r => MoneyProblem(r.AmountMinor, r.Currency),
            StudentLinked { LinkId: var id } when id == Guid.Empty => "linkId is missing.",
            StudentUnlinked { LinkId: var id } when id == Guid.Empty => "linkId is missing.",
            _ => null,
        };

    private static string? MoneyProblem(long amountMinor, string? currency) =>
        amountMinor < 0 ? "amountMinor must not be negative."
        : currency is null || !Iso4217().IsMatch(currency) ? "currency must be an ISO 4217 code such as RUB."
        : null;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso4217();
}
