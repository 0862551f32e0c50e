using System.Collections.Concurrent;
using Npgsql;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Support;

/// <summary>
/// Waits until analytics has stored the events a run sent and records, per event, the time from its
/// intended send to <c>received_at</c> (analytics' own clock on this machine): ingestion measured end
/// to end, publish, broker, consumer, PostgreSQL.
/// </summary>
/// <param name="tutorId">
/// When every event of the run belongs to this tutor, the wait polls a count over the tutor's index and reads
/// the rows once at the end: looking up tens of thousands of ids twice a second would put the watcher's own
/// queries on the PostgreSQL whose ingestion is being measured.
/// </param>
public sealed class StoredEventWatcher(string connectionString, Guid? tutorId = null)
{
    public const string Operation = "stored";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _sent = new();
    private long _earliestTicks = long.MaxValue;

    public int Expected => _sent.Count;

    public void Sent(Guid eventId, DateTimeOffset intendedAt)
    {
        _sent[eventId] = intendedAt;
        var ticks = intendedAt.UtcTicks;
        for (var seen = Interlocked.Read(ref _earliestTicks); ticks < seen; seen = Interlocked.Read(ref _earliestTicks))
        {
            if (Interlocked.CompareExchange(ref _earliestTicks, ticks, seen) == seen)
            {
                break;
            }
        }
    }

    /// <summary>Fails with one line before anything is sent when the store cannot be read.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await PostgresTarget.OpenAsync(connectionString, cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="count"/> events of <paramref name="tutor"/> that occurred at or after
    /// <paramref name="since"/> are stored; false when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> WaitForCountAsync(Guid tutor, DateTimeOffset since, long count, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await WaitForCountAsync(dataSource, tutor, since, count, timeout, cancellationToken);
    }

    private static async Task<bool> WaitForCountAsync(NpgsqlDataSource dataSource, Guid tutor, DateTimeOffset since, long count,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (await CountAsync(dataSource, tutor, since, cancellationToken) < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return true;
    }

    /// <summary>Polls until every sent event is stored or <paramref name="timeout"/> passes; the rest count as "not_stored".</summary>
    public async Task CollectAsync(ResultRecorder recorder, DateTimeOffset runStart, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var missing = new HashSet<Guid>(_sent.Keys);
        var deadline = DateTimeOffset.UtcNow + timeout;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        if (tutorId is { } tutor && missing.Count > 0)
        {
            var since = new DateTimeOffset(Interlocked.Read(ref _earliestTicks), TimeSpan.Zero);
            await WaitForCountAsync(dataSource, tutor, since, missing.Count, deadline - DateTimeOffset.UtcNow, cancellationToken);
            deadline = DateTimeOffset.UtcNow; // one read of what is there, then the rest is "not_stored"
        }

        while (missing.Count > 0)
        {
            foreach (var chunk in missing.Chunk(20_000).ToList())
            {
                await using var command = dataSource.CreateCommand(
                    "SELECT event_id, received_at FROM analytics.events WHERE event_id = ANY(@ids)");
                command.Parameters.AddWithValue("ids", chunk);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.GetGuid(0);
                    var receivedAt = reader.GetFieldValue<DateTimeOffset>(1);
                    missing.Remove(id);
                    recorder.Record(Outcome.Ok(Operation), Latency.MicrosecondsSinceIntended(_sent[id], receivedAt), receivedAt - runStart);
                }
            }

            if (missing.Count == 0 || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        foreach (var _ in missing)
        {
            recorder.Record(Outcome.Failed(Operation, "not_stored"), 0, TimeSpan.Zero);
        }
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, Guid tutor, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM analytics.events WHERE tutor_id = @tutor AND occurred_at >= @since");
        command.Parameters.AddWithValue("tutor", tutor);
        command.Parameters.AddWithValue("since", since);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
