using System.Collections.Concurrent;
using Npgsql;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.People;

namespace Repitbot.Analytics.Dashboard;

/// <summary>
/// The dashboard's today: the tutor's date now, in the zone they stated last (<see cref="TutorDays"/>), since the Redis
/// day keys and the rollups hold the tutor's own days; UTC for everyone's figures. A tutor's zone is read at most once
/// every <see cref="Fresh"/> per replica, so the dashboard's Redis path stays one PostgreSQL read away at worst; when
/// PostgreSQL cannot answer, the zone last read (else UTC) stands in, and the Redis figures are still served.
/// </summary>
public sealed partial class TutorToday(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TutorToday> logger)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (string Zone, DateTimeOffset ReadAt)> _zones = new();

    public async Task<(DateOnly Today, string TimeZone)> OfAsync(Guid? tutorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = tutorId is { } id ? await ZoneAsync(id, now, cancellationToken) : TimeZones.Utc;
        return (TutorDays.LocalDay(now, zone), zone);
    }

    private async Task<string> ZoneAsync(Guid tutorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_zones.TryGetValue(tutorId, out var known) && now - known.ReadAt < Fresh)
        {
            return known.Zone;
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var days = await TutorDays.LoadAsync(connection, null, [tutorId], cancellationToken);
            var zone = days.ZoneOf(tutorId, now);
            _zones[tutorId] = (zone, now);
            return zone;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            LogZoneUnavailable(ex, tutorId);
            return known.Zone ?? TimeZones.Utc;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not read the time zone of tutor {TutorId}; the dashboard uses the last known one, else UTC")]
    private partial void LogZoneUnavailable(Exception exception, Guid tutorId);
}
