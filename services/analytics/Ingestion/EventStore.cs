using Npgsql;
using Repitbot.Analytics.Data;
using Repitbot.Analytics.Observability;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Stores a batch of events once and adds only the newly stored ones to the rollups and the student
/// mapping, in one transaction: a redelivered batch changes nothing, a crash changes nothing.
/// Once-only: <c>event_ids</c> (unpartitioned, <c>event_id</c> primary key) is inserted first with
/// ON CONFLICT DO NOTHING; only the ids it returns go on to <c>events</c> and the rollups.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource, EventPartitions partitions, TimeProvider clock)
{
    /// <summary>
    /// Three round trips whatever the batch size: the tutor locks, the tutors' time zones and the once-only claim;
    /// then the day locks and every write of the new events (and the look-up of recent duplicates); then the commit.
    /// A batch that states a tutor's time zone makes one more, to move the days of that tutor's stored events the new
    /// zone puts elsewhere (<see cref="ZoneMoves"/>). Recompute of a day and ingestion into that day exclude each other
    /// (see <see cref="DayLocks"/>).
    /// </summary>
    public async Task<StoreResult> StoreAsync(IReadOnlyList<IngestedEvent> batch, TimeSpan redisReplayWindow,
        CancellationToken cancellationToken)
    {
        // Two copies of one event can arrive in one batch; sorted ids lock index entries in one order.
        var events = batch.DistinctBy(e => e.EventId).OrderBy(e => e.EventId).ToList();
        await partitions.EnsureAsync(events.Select(e => EventPartitions.MonthOf(e.OccurredAt)), cancellationToken);
        var now = clock.GetUtcNow();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        HashSet<Guid> fresh;
        List<TutorZone> known;
        await using (var claim = new NpgsqlBatch(connection, transaction))
        {
            claim.BatchCommands.Add(TutorLocks.For(events));
            claim.BatchCommands.Add(TutorDays.Select(events.Select(e => e.TutorId)));
            claim.BatchCommands.Add(EventStatements.ClaimIds(events, now));
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            known = await TutorDays.ReadAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            fresh = await EventStatements.ReadIdsAsync(reader, cancellationToken);
        }

        var before = TutorDays.Of(known);
        var newZones = events.Where(e => fresh.Contains(e.EventId)).Select(e => e.Zone).OfType<TutorZone>().ToList();
        var days = before.With(newZones);
        var stored = events.Where(e => fresh.Contains(e.EventId)).Select(days.Assign).ToList();
        var duplicates = events.Where(e => !fresh.Contains(e.EventId)).Select(days.Assign).ToList();
        var replay = new HashSet<Guid>();
        await using (var writes = new NpgsqlBatch(connection, transaction))
        {
            if (duplicates.Count > 0)
            {
                writes.BatchCommands.Add(EventStatements.RecentDuplicates(duplicates.Select(e => e.EventId).ToArray(), now - redisReplayWindow));
            }

            if (stored.Count > 0)
            {
                writes.BatchCommands.Add(DayLocks.Shared(stored.Select(e => e.Day)));
                writes.BatchCommands.Add(EventStatements.InsertEvents(stored, now));
                foreach (var rollup in RollupWriter.Commands(RollupSet.Of(stored)))
                {
                    writes.BatchCommands.Add(rollup);
                }

                if (StudentLinks.Command(stored) is { } links)
                {
                    writes.BatchCommands.Add(links);
                }

                if (newZones.Count > 0)
                {
                    writes.BatchCommands.Add(TutorDays.Insert(newZones));
                }
            }

            if (duplicates.Count > 0)
            {
                replay = await EventStatements.ReadIdsAsync(writes, resultSet: 0, cancellationToken);
            }
            else if (writes.BatchCommands.Count > 0)
            {
                await writes.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var movedDays = newZones.Count > 0
            ? await ZoneMoves.QueueAsync(connection, transaction, before, days, newZones, stored, cancellationToken)
            : 0;
        await transaction.CommitAsync(cancellationToken);
        IngestionMetrics.ZoneMoves.Inc(movedDays);
        return new StoreResult(stored, stored.Concat(duplicates.Where(e => replay.Contains(e.EventId))).OrderBy(e => e.EventId).ToList());
    }
}

/// <summary><see cref="Stored"/>: new in PostgreSQL; <see cref="ForRedis"/>: to offer to the Redis aggregates.</summary>
public sealed record StoreResult(IReadOnlyList<IngestedEvent> Stored, IReadOnlyList<IngestedEvent> ForRedis);
