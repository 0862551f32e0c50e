using Npgsql;
using NpgsqlTypes;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Analytics' own tutor–student mapping. A link and its unlink may arrive in either order (or in one
/// batch): each fills in its own end of the row and keeps what the other wrote.
/// </summary>
public static class StudentLinks
{
    /// <summary>The upsert of the links these newly stored events open or close, or null when they touch none.</summary>
    public static NpgsqlBatchCommand? Command(IEnumerable<IngestedEvent> stored)
    {
        // One row per link: PostgreSQL refuses to upsert the same key twice in one statement.
        var links = stored.Where(e => e.Effect.Link is not null)
            .GroupBy(e => e.Effect.Link!.LinkId)
            .Select(g => (g.First().TutorId, Change: g.Select(e => e.Effect.Link!).Aggregate((a, b) => a with
            {
                ParentId = a.ParentId ?? b.ParentId, ValidFrom = a.ValidFrom ?? b.ValidFrom, ValidTo = a.ValidTo ?? b.ValidTo,
            })))
            .OrderBy(l => l.Change.LinkId)
            .ToList();
        if (links.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand("""
            INSERT INTO analytics.student_links (link_id, tutor_id, student_id, parent_id, valid_from, valid_to)
            SELECT * FROM unnest(@links, @tutors, @students, @parents, @froms, @tos)
            ON CONFLICT (link_id) DO UPDATE SET
                parent_id = coalesce(student_links.parent_id, excluded.parent_id),
                valid_from = coalesce(student_links.valid_from, excluded.valid_from),
                valid_to = coalesce(student_links.valid_to, excluded.valid_to)
            """);
        command.Parameters.AddWithValue("links", links.Select(l => l.Change.LinkId).ToArray());
        command.Parameters.AddWithValue("tutors", links.Select(l => l.TutorId).ToArray());
        command.Parameters.AddWithValue("students", links.Select(l => l.Change.StudentId).ToArray());
        command.Parameters.Add(Nullable("parents", NpgsqlDbType.Uuid, links.Select(l => (object?)l.Change.ParentId)));
        command.Parameters.Add(Nullable("froms", NpgsqlDbType.TimestampTz, links.Select(l => (object?)l.Change.ValidFrom)));
        command.Parameters.Add(Nullable("tos", NpgsqlDbType.TimestampTz, links.Select(l => (object?)l.Change.ValidTo)));
        return command;
    }

    internal static NpgsqlParameter Nullable(string name, NpgsqlDbType type, IEnumerable<object?> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.Select(v => v ?? DBNull.Value).ToArray() };
}
