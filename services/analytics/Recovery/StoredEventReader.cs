using System.Data;
using Npgsql;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Recovery;

/// <summary>
/// Every stored event with its day and the time it was stored, read in one repeatable-read transaction: one consistent
/// snapshot, which holds every event (and time zone statement) committed before it started.
/// </summary>
public static class StoredEventReader
{
    public static async IAsyncEnumerable<(IngestedEvent Event, DateTimeOffset ReceivedAt)> ReadAllAsync(NpgsqlDataSource dataSource,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        // The zones and the events from one snapshot, so every day is the one ingestion gave or will give.
        var days = await TutorDays.LoadAsync(connection, transaction, null, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT type, payload::text, received_at FROM analytics.events", connection, transaction)
        {
            CommandTimeout = 0, // a large store takes as long as it takes; the caller's token stops it
        };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (type, payload, receivedAt) = (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
            if (EventTypes.Deserialize(type, payload) is { } e)
            {
                yield return (days.Assign(IngestedEvent.From(e, payload)), receivedAt);
            }
        }
    }
}
