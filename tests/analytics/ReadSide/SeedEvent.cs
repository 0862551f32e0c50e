using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Repitbot.Analytics.Data;
using Repitbot.Analytics.Ingestion;
using Repitbot.Contracts;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>An event as the write side stores it (the fixed contract: contract type name, camelCase JSON, enum names).</summary>
public sealed record SeedEvent(string Type, Guid TutorId, Guid? StudentId, DateTimeOffset OccurredAt, IDomainEvent Body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static SeedEvent Of<T>(T body, Guid? studentId)
        where T : IDomainEvent => new(typeof(T).Name, body.TutorId, studentId, body.OccurredAt, body);

    /// <summary>
    /// Inserts the events straight into analytics.events, adds them to the daily rollups in the same
    /// transaction (through the write side's own mapping and tutor days, recording any tutor's zone statement) and bumps the version keys, as the write side does.
    /// </summary>
    public static async Task StoreAsync(NpgsqlDataSource database, IConnectionMultiplexer redis, IReadOnlyCollection<SeedEvent> events,
        bool bumpVersions = true)
    {
        // Events are partitioned by month; the write side creates a month's partition when it first needs it.
        await new EventPartitions(database).EnsureAsync(events.Select(e => EventPartitions.MonthOf(e.OccurredAt)).Distinct(), CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics.events (event_id, type, tutor_id, student_id, occurred_at, payload, received_at)
            SELECT e.id, e.type, e.tutor, e.student, e.at, e.payload::jsonb, now()
            FROM unnest($1, $2, $3, $4, $5, $6) AS e(id, type, tutor, student, at, payload)
            """, connection, transaction);
        command.Parameters.AddWithValue(events.Select(e => e.Body.EventId).ToArray());
        command.Parameters.AddWithValue(events.Select(e => e.Type).ToArray());
        command.Parameters.AddWithValue(events.Select(e => e.TutorId).ToArray());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid,
            Value = events.Select(e => (object?)e.StudentId ?? DBNull.Value).ToArray() });
        command.Parameters.AddWithValue(events.Select(e => e.OccurredAt).ToArray());
        command.Parameters.AddWithValue(events.Select(e => JsonSerializer.Serialize(e.Body, e.Body.GetType(), Json)).ToArray());
        await command.ExecuteNonQueryAsync();
        var ingested = events.Select(e => IngestedEvent.From(e.Body)).ToList();
        var zones = ingested.Select(e => e.Zone).OfType<TutorZone>().ToList();
        var days = (await TutorDays.LoadAsync(connection, transaction, ingested.Select(e => e.TutorId).Distinct().ToList(), CancellationToken.None))
            .With(zones);
        if (zones.Count > 0)
        {
            await using var statement = new NpgsqlBatch(connection, transaction) { BatchCommands = { TutorDays.Insert(zones) } };
            await statement.ExecuteNonQueryAsync();
        }

        await RollupWriter.AddAsync(connection, transaction, RollupSet.Of(ingested.Select(days.Assign)), CancellationToken.None);
        await transaction.CommitAsync();
        if (!bumpVersions)
        {
            return;
        }

        var db = redis.GetDatabase();
        foreach (var tutor in events.Select(e => e.TutorId).Distinct())
        {
            await db.StringIncrementAsync($"analytics:version:{tutor}");
        }

        await db.StringIncrementAsync("analytics:version:all");
    }
}
