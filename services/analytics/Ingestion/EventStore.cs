using Npgsql;
using Repitbot.Analytics.Data;

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
    /// Three round trips whatever the batch size: the day locks with the once-only claim, then every write
    /// of the new events (and the look-up of recent duplicates), then the commit. Recompute of a day and
    /// ingestion into that day exclude each other (see <see cref="DayLocks"/>).
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
        await using (var claim = new NpgsqlBatch(connection, transaction))
        {
            claim.BatchCommands.Add(DayLocks.Shared(events.Select(e => e.Day)));
            claim.BatchCommands.Add(EventStatements.ClaimIds(events, now));
            fresh = await EventStatements.ReadIdsAsync(claim, resultSet: 1, cancellationToken);
        }

        var stored = events.Where(e => fresh.Contains(e.EventId)).ToList();
        var duplicates = events.Where(e => !fresh.Contains(e.EventId)).Select(e => e.EventId).ToArray();
        var replay = new HashSet<Guid>();
        await using (var writes = new NpgsqlBatch(connection, transaction))
        {
            if (duplicates.Length > 0)
            {
                writes.BatchCommands.Add(EventStatements.RecentDuplicates(duplicates, now - redisReplayWindow));
            }

            if (stored.Count > 0)
            {
                writes.BatchCommands.Add(EventStatements.InsertEvents(stored, now));
                foreach (var rollup in RollupWriter.Commands(RollupSet.Of(stored)))
                {
                    writes.BatchCommands.Add(rollup);
                }

                if (StudentLinks.Command(stored) is { } links)
                {
                    writes.BatchCommands.Add(links);
                }
            }

            if (duplicates.Length > 0)
            {
                replay = await EventStatements.ReadIdsAsync(writes, resultSet: 0, cancellationToken);
            }
            else if (writes.BatchCommands.Count > 0)
            {
                await writes.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(stored, events.Where(e => fresh.Contains(e.EventId) || replay.Contains(e.EventId)).ToList());
    }
}

/// <summary><see cref="Stored"/>: new in PostgreSQL; <see cref="ForRedis"/>: to offer to the Redis aggregates.</summary>
public sealed record StoreResult(IReadOnlyList<IngestedEvent> Stored, IReadOnlyList<IngestedEvent> ForRedis);
