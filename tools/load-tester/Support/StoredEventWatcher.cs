using System.Collections.Concurrent;
using Npgsql;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Support;

/// <summary>
/// Waits until analytics has stored the events a run sent and records, per event, the time from its
/// intended send to <c>received_at</c> (analytics' own clock on this machine): ingestion measured end
/// to end, publish, broker, consumer, PostgreSQL.
/// </summary>
public sealed class StoredEventWatcher(string connectionString)
{
    public const string Operation = "stored";
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _sent = new();

    public int Expected => _sent.Count;

    public void Sent(Guid eventId, DateTimeOffset intendedAt) => _sent[eventId] = intendedAt;

    /// <summary>Fails with one line before anything is sent when the store cannot be read.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await PostgresTarget.OpenAsync(connectionString, cancellationToken);
    }

    /// <summary>Polls until every sent event is stored or <paramref name="timeout"/> passes; the rest count as "not_stored".</summary>
    public async Task CollectAsync(ResultRecorder recorder, DateTimeOffset runStart, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var missing = new HashSet<Guid>(_sent.Keys);
        var deadline = DateTimeOffset.UtcNow + timeout;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
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

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        foreach (var _ in missing)
        {
            recorder.Record(Outcome.Failed(Operation, "not_stored"), 0, TimeSpan.Zero);
        }
    }
}
