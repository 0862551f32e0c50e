using System.Globalization;
using Npgsql;
using Repitbot.Analytics.Realtime;
using StackExchange.Redis;

namespace Repitbot.Analytics.Recovery;

/// <summary>
/// The trust record: one row in PostgreSQL (<c>analytics.redis_trust</c>) and its mirror in Redis, the
/// generation marker <c>analytics:meta:generation</c> = "{generation}:{tick}". Every check runs with the row
/// locked, so the replicas take turns: while Redis still holds what the row says (same marker, same server
/// run id) the tick moves on in both; otherwise Redis lost or rolled back data, the row turns untrusted and
/// the generation moves on. A snapshot Redis comes back from holds the marker as it was when the snapshot was
/// taken, so it is older than the row, and a restart changes the run id even when the marker survived.
/// </summary>
public sealed class TrustLedger(NpgsqlDataSource dataSource, IConnectionMultiplexer redis)
{
    /// <summary>Sets the marker and lifts the rebuild flag together, only while the flag is still the rebuild's own.</summary>
    private const string FinishRebuild = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[2], ARGV[2])
        redis.call('DEL', KEYS[1])
        return 1
        """;

    /// <summary>
    /// Moves the marker on only while it still holds what the row expects, and answers what it found: a rollback
    /// landing between a read and a plain write would otherwise be overwritten by the newer marker and missed.
    /// </summary>
    private const string AdvanceMarker = """
        local current = redis.call('GET', KEYS[1])
        if current == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) end
        return current
        """;

    private const string ServerInfo = "return redis.call('INFO', 'server')";

    public async Task<TrustVerdict> CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await LockAsync(connection, transaction, cancellationToken);
        if (!row.Trusted)
        {
            await transaction.CommitAsync(cancellationToken);
            return new TrustVerdict(false, row.Generation, row.Reason, null);
        }

        var runId = await RunIdAsync();
        // With the row locked, the tick moves on in Redis first: if the commit fails after it, the next check sees
        // a marker ahead of the row and rebuilds once too often, never once too few.
        var db = redis.GetDatabase();
        var marker = runId == row.RunId
            ? (string?)await db.ScriptEvaluateAsync(AdvanceMarker, [RedisKeys.Generation],
                [Marker(row.Generation, row.Tick), Marker(row.Generation, row.Tick + 1)])
            : (string?)await db.StringGetAsync(RedisKeys.Generation);
        if (Loss(row, marker, runId) is { } loss)
        {
            await UpdateAsync(connection, transaction, "generation = generation + 1, trusted = false, reason = @reason",
                cancellationToken, ("reason", loss.Reason));
            await transaction.CommitAsync(cancellationToken);
            RecoveryMetrics.LossesDetected.WithLabels(loss.Kind).Inc();
            return new TrustVerdict(false, row.Generation + 1, loss.Reason, loss);
        }

        await UpdateAsync(connection, transaction, "tick = tick + 1", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TrustVerdict(true, row.Generation, "checked", null);
    }

    /// <summary>
    /// Ends a rebuild: trusted again only if the row still waits for this generation, Redis is the server the
    /// rebuild started on, and the rebuild's flag survived (a flush during the rebuild removes it).
    /// </summary>
    public async Task<string?> MarkTrustedAsync(long generation, string runIdAtStart, string flagToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await LockAsync(connection, transaction, cancellationToken);
        if (row.Trusted || row.Generation != generation)
        {
            return $"the trust record moved to generation {row.Generation} (trusted: {row.Trusted})";
        }

        var runId = await RunIdAsync();
        if (runId != runIdAtStart)
        {
            return "Redis restarted during the rebuild";
        }

        var finished = (long)await redis.GetDatabase().ScriptEvaluateAsync(FinishRebuild,
            [RedisKeys.Rebuilding, RedisKeys.Generation], [flagToken, Marker(generation, row.Tick + 1)]);
        if (finished != 1)
        {
            return "the rebuild flag disappeared (Redis was flushed or restarted during the rebuild)";
        }

        await UpdateAsync(connection, transaction, "tick = tick + 1, trusted = true, redis_run_id = @run, reason = 'rebuilt'",
            cancellationToken, ("run", runId));
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Whether the row says trusted now (without locking it).</summary>
    public async Task<bool> IsTrustedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT trusted FROM analytics.redis_trust WHERE id = 1");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// The Redis server's run id: new at every start, and a different server after a failover. Asked through a
    /// script because StackExchange.Redis sends INFO itself only on a connection with allowAdmin, which the shared
    /// connection does not have (nor need otherwise).
    /// </summary>
    public async Task<string> RunIdAsync()
    {
        var info = (string?)await redis.GetDatabase().ScriptEvaluateAsync(ServerInfo) ?? "";
        var line = info.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("run_id:", StringComparison.Ordinal));
        return line?["run_id:".Length..] ?? throw new InvalidOperationException("Redis INFO server has no run_id.");
    }

    private static string Marker(long generation, long tick) => string.Create(CultureInfo.InvariantCulture, $"{generation}:{tick}");

    private static RedisLoss? Loss(TrustRow row, string? marker, string runId)
    {
        if (marker is null)
        {
            return new RedisLoss("missing", "the generation marker is gone: Redis came back empty or was flushed");
        }

        if (runId != row.RunId)
        {
            return new RedisLoss("restarted", $"the Redis server restarted (run id {runId}, was {row.RunId}); it may have come back from an older snapshot");
        }

        var expected = Marker(row.Generation, row.Tick);
        if (marker == expected)
        {
            return null;
        }

        var parts = marker.Split(':');
        var older = parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var generation)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var tick)
            && (generation < row.Generation || (generation == row.Generation && tick < row.Tick));
        return older
            ? new RedisLoss("rolled_back", $"the generation marker is {marker}, older than {expected}: Redis holds an older state")
            : new RedisLoss("mismatch", $"the generation marker is {marker}, expected {expected}");
    }

    private static async Task<TrustRow> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT generation, tick, redis_run_id, trusted, reason FROM analytics.redis_trust WHERE id = 1 FOR UPDATE", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("analytics.redis_trust has no row; the RedisTrust migration inserts it.");
        }

        return new TrustRow(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3), reader.GetString(4));
    }

    private static async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string set,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand($"UPDATE analytics.redis_trust SET {set}, changed_at = now() WHERE id = 1", connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record TrustRow(long Generation, long Tick, string? RunId, bool Trusted, string Reason);
}

/// <summary>Why Redis cannot be trusted; <see cref="Kind"/> is the metric label.</summary>
public sealed record RedisLoss(string Kind, string Reason);

/// <summary>The outcome of one check: <see cref="Loss"/> is set when this check found the loss (not an earlier one).</summary>
public sealed record TrustVerdict(bool Trusted, long Generation, string Reason, RedisLoss? Loss);
