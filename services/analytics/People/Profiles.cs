using Npgsql;

namespace Repitbot.Analytics.People;

/// <summary>A user as the latest UserRegistered / UserProfileChanged event describes them.</summary>
public sealed record Profile(Guid UserId, string DisplayName, string? TimeZone);

/// <summary>
/// Names and time zones from the profile events analytics already stores (index
/// <c>ix_events_profile_user</c> over those two types only, so the lookup never scans the event table).
/// </summary>
public sealed class Profiles(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<Guid, Profile>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Profile>();
        if (userIds.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT ON (payload->>'userId') (payload->>'userId')::uuid, payload->>'displayName', payload->>'timeZone'
            FROM analytics.events
            WHERE type IN ('UserRegistered', 'UserProfileChanged') AND payload->>'userId' = ANY($1)
            ORDER BY payload->>'userId', occurred_at DESC
            """);
        command.Parameters.AddWithValue(userIds.Select(id => id.ToString()).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            found[id] = new Profile(id, reader.IsDBNull(1) ? "" : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return found;
    }

    /// <summary>Display names for the ids that have a profile; see <see cref="StudentNames.Label"/> for the fallback.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var profiles = await FindAsync(userIds.Distinct().ToList(), cancellationToken);
        return profiles.Values.Where(p => !string.IsNullOrWhiteSpace(p.DisplayName)).ToDictionary(p => p.UserId, p => p.DisplayName.Trim());
    }

    /// <summary>The time zone of the first of <paramref name="userIds"/> whose profile names a valid one.</summary>
    public async Task<string?> TimeZoneAsync(IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        var profiles = await FindAsync(userIds, cancellationToken);
        return userIds.Select(id => profiles.GetValueOrDefault(id)?.TimeZone).OfType<string>()
            .Select(TimeZones.Normalize).FirstOrDefault(tz => tz is not null);
    }
}
