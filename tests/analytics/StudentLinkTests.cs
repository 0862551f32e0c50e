using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

/// <summary>Analytics' own tutor–student mapping, whatever order links and unlinks arrive in.</summary>
public sealed class StudentLinkTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Links_close_rather_than_vanish_whether_the_unlink_arrives_first_later_or_in_the_same_batch()
    {
        var tutor = Guid.NewGuid();
        var from = new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(30);
        var (early, late, together, open) = (Links(tutor, from, to), Links(tutor, from, to), Links(tutor, from, to), Links(tutor, from, to));

        await IngestAsync(early.Unlinked);
        await IngestAsync(early.Linked);
        await IngestAsync(late.Linked);
        await IngestAsync(late.Unlinked);
        await IngestAsync(together.Unlinked, together.Linked);
        await IngestAsync(open.Linked);

        await using var command = factory.Database.CreateCommand(
            "SELECT student_id, valid_from, valid_to FROM analytics.student_links WHERE tutor_id = $1");
        command.Parameters.AddWithValue(tutor);
        var rows = new Dictionary<Guid, (DateTimeOffset?, DateTimeOffset?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = (reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
        }

        Assert.Equal(4, rows.Count);
        Assert.All(new[] { early, late, together }, l => Assert.Equal((from, to), rows[l.Linked.StudentId]));
        Assert.Equal((from, null), rows[open.Linked.StudentId]);
    }

    private Task<StoreResult> IngestAsync(params IDomainEvent[] events) =>
        factory.Ingestor.IngestAsync(events.Select(IngestedEvent.From).ToList(), CancellationToken.None);

    private static (StudentLinked Linked, StudentUnlinked Unlinked) Links(Guid tutor, DateTimeOffset from, DateTimeOffset to)
    {
        var (student, link) = (Guid.NewGuid(), Guid.NewGuid());
        return (new StudentLinked { EventId = Guid.NewGuid(), OccurredAt = from, TutorId = tutor, StudentId = student, LinkId = link, ValidFrom = from },
            new StudentUnlinked { EventId = Guid.NewGuid(), OccurredAt = to, TutorId = tutor, StudentId = student, LinkId = link, ValidTo = to });
    }
}
