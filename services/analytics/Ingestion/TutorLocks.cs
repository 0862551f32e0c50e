using Npgsql;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Transaction-scoped advisory locks per tutor, taken before anything is read: a batch that states a tutor's time
/// zone takes that tutor's lock exclusively, every other batch shares it. So no batch counts a tutor's event with
/// the zones it read while another batch changes them: it counted before the change committed (and the change
/// sees it and moves its day, <see cref="ZoneMoves"/>) or reads the new zones. Always before the day locks
/// (<see cref="DayLocks"/>), in one order, so they cannot deadlock.
/// </summary>
public static class TutorLocks
{
    private const int Space = 0x4154; // "AT": apart from the day locks and any other advisory lock

    public static NpgsqlBatchCommand For(IEnumerable<IngestedEvent> events)
    {
        var tutors = events.GroupBy(e => e.TutorId).Select(g => (Tutor: g.Key, Exclusive: g.Any(e => e.Zone is not null))).ToList();
        var command = new NpgsqlBatchCommand($"""
            SELECT CASE WHEN l.exclusive THEN pg_advisory_xact_lock({Space}, l.k)::text
                        ELSE pg_advisory_xact_lock_shared({Space}, l.k)::text END
            FROM (SELECT hashtext(u.tutor::text) AS k, bool_or(u.exclusive) AS exclusive
                  FROM unnest(@lockTutors, @lockExclusive) AS u(tutor, exclusive) GROUP BY 1) AS l
            ORDER BY l.k
            """);
        command.Parameters.AddWithValue("lockTutors", tutors.Select(t => t.Tutor).ToArray());
        command.Parameters.AddWithValue("lockExclusive", tutors.Select(t => t.Exclusive).ToArray());
        return command;
    }
}
