using System.Collections.Concurrent;
using Npgsql;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// The day an event counts on: the date, in its tutor's time zone at that moment, of when it happened
/// (<see cref="HappenedAt"/>). A tutor's zone comes from their own profile events (<see cref="TutorZone"/>,
/// kept in <c>analytics.tutor_zones</c>): the latest one stated at or before the moment; before the first one
/// (a clock that ran ahead of registration), the first; a tutor who never stated one counts in UTC. A move to
/// another zone leaves the days already past where they were: a lesson held in Moscow stays on its Moscow day.
/// The rollups, the Redis day keys, the day locks and every recomputation use this one rule.
/// </summary>
public sealed class TutorDays
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    private readonly Dictionary<Guid, List<TutorZone>> _byTutor = [];

    private TutorDays(IEnumerable<TutorZone> zones)
    {
        foreach (var zone in zones.DistinctBy(z => z.EventId))
        {
            if (!_byTutor.TryGetValue(zone.TutorId, out var list))
            {
                _byTutor[zone.TutorId] = list = [];
            }

            list.Add(zone);
        }

        foreach (var list in _byTutor.Values)
        {
            // Two statements at one instant: the event id decides, the same way on every replica.
            list.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.EventId.CompareTo(b.EventId));
        }
    }

    public static TutorDays Of(IEnumerable<TutorZone> zones) => new(zones);

    /// <summary>These days with <paramref name="more"/> zone statements added.</summary>
    public TutorDays With(IEnumerable<TutorZone> more) => new(_byTutor.Values.SelectMany(z => z).Concat(more));

    /// <summary>When the tutor's first known statement applies from; null when they made none.</summary>
    public DateTimeOffset? FirstFrom(Guid tutorId) => _byTutor.TryGetValue(tutorId, out var zones) ? zones[0].From : null;

    public string ZoneOf(Guid tutorId, DateTimeOffset at)
    {
        if (!_byTutor.TryGetValue(tutorId, out var zones))
        {
            return People.TimeZones.Utc;
        }

        var current = zones[0];
        foreach (var zone in zones)
        {
            if (zone.From > at)
            {
                break;
            }

            current = zone;
        }

        return current.TimeZone;
    }

    public DateOnly DayOf(Guid tutorId, DateTimeOffset at) => LocalDay(at, ZoneOf(tutorId, at));

    /// <summary>The event with its day set.</summary>
    public IngestedEvent Assign(IngestedEvent e) => e with { Day = DayOf(e.TutorId, e.HappenedAt) };

    public static DateOnly LocalDay(DateTimeOffset at, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone(timeZone)).DateTime);

    public static TimeZoneInfo Zone(string timeZone) => Zones.GetOrAdd(timeZone, TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>The zone statements of <paramref name="tutors"/> (all tutors when null).</summary>
    public static async Task<TutorDays> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        IReadOnlyCollection<Guid>? tutors, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(tutors is null ? SelectAll : SelectSome, connection, transaction);
        if (tutors is not null)
        {
            command.Parameters.AddWithValue("tutors", tutors.ToArray());
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return Of(await ReadAsync(reader, cancellationToken));
    }

    /// <summary>The statement that reads the zone statements of <c>@tutors</c>, for a batch; see <see cref="ReadAsync"/>.</summary>
    public static NpgsqlBatchCommand Select(IEnumerable<Guid> tutors)
    {
        var command = new NpgsqlBatchCommand(SelectSome);
        command.Parameters.AddWithValue("tutors", tutors.Distinct().ToArray());
        return command;
    }

    public static async Task<List<TutorZone>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var zones = new List<TutorZone>();
        while (await reader.ReadAsync(cancellationToken))
        {
            zones.Add(new TutorZone(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }

        return zones;
    }

    /// <summary>Records newly stored zone statements (a redelivered one changes nothing).</summary>
    public static NpgsqlBatchCommand Insert(IReadOnlyCollection<TutorZone> zones)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO analytics.tutor_zones (event_id, tutor_id, valid_from, time_zone)
            SELECT * FROM unnest(@ids, @tutors, @froms, @zones)
            ON CONFLICT (event_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("ids", zones.Select(z => z.EventId).ToArray());
        command.Parameters.AddWithValue("tutors", zones.Select(z => z.TutorId).ToArray());
        command.Parameters.AddWithValue("froms", zones.Select(z => z.From).ToArray());
        command.Parameters.AddWithValue("zones", zones.Select(z => z.TimeZone).ToArray());
        return command;
    }

    private const string SelectAll = "SELECT event_id, tutor_id, valid_from, time_zone FROM analytics.tutor_zones";

    private const string SelectSome = SelectAll + " WHERE tutor_id = ANY(@tutors)";
}
