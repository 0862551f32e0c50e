using Repitbot.Analytics.Ingestion;
using StackExchange.Redis;

namespace Repitbot.Analytics.Realtime;

/// <summary>
/// Applies events to the Redis aggregates exactly once: one script call per chunk of events sets a
/// marker per event (SET NX with a lifetime) and applies that event's changes only when the marker is
/// new, so a batch retried after PostgreSQL committed does not count twice. The same call bumps the
/// cache versions the read side keys its caches with. While the aggregates are rebuilt (the rebuild flag is
/// set) the script counts nothing and answers -1; <see cref="ApplyAsync"/> then throws
/// <see cref="AggregatesRebuildingException"/> and the caller tries again once the flag is gone.
/// </summary>
public sealed class RealtimeAggregates(IConnectionMultiplexer redis)
{
    private const int ChunkSize = 100;

    private const string ApplyOnce = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
        local ttl = ARGV[1]
        local i = 3
        local applied = 0
        for e = 1, tonumber(ARGV[2]) do
          local fresh = redis.call('SET', KEYS[tonumber(ARGV[i])], '1', 'NX', 'EX', ttl)
          local ops = tonumber(ARGV[i + 1])
          i = i + 2
          if fresh then
            applied = applied + 1
            for o = 1, ops do
              local kind, key = ARGV[i], KEYS[tonumber(ARGV[i + 1])]
              if kind == 'h' then redis.call('HINCRBY', key, ARGV[i + 2], ARGV[i + 3])
              elseif kind == 'z' then redis.call('ZINCRBY', key, ARGV[i + 3], ARGV[i + 2])
              else redis.call('PFADD', key, ARGV[i + 2]) end
              i = i + 4
            end
          else
            i = i + 4 * ops
          end
        end
        for v = 1, tonumber(ARGV[i]) do redis.call('INCR', KEYS[tonumber(ARGV[i + v])]) end
        return applied
        """;

    /// <summary>Applies what was not applied yet; returns how many events were new to Redis.</summary>
    public async Task<long> ApplyAsync(IReadOnlyList<IngestedEvent> events, TimeSpan markerLifetime)
    {
        var db = redis.GetDatabase();
        var chunks = events.Chunk(ChunkSize).ToList();
        // Chunks are sent together: StackExchange.Redis pipelines concurrent commands on one connection.
        var results = await Task.WhenAll(chunks.Select((chunk, index) =>
        {
            var script = new ScriptBuilder((long)markerLifetime.TotalSeconds, chunk.Length);
            foreach (var e in chunk)
            {
                script.AddEvent(RedisKeys.Applied(e.EventId), RedisOps.Of(e).ToList());
            }

            // The versions go with the last chunk so that readers see every chunk's counts when they move.
            var versions = index == chunks.Count - 1
                ? events.Select(e => e.TutorId).Distinct().Select(t => RedisKeys.Version(t)).Append(RedisKeys.Version(null))
                : [];
            var args = script.Finish(versions.ToList());
            return db.ScriptEvaluateAsync(ApplyOnce, script.Keys, args);
        }));
        var applied = results.Select(r => (long)r).ToList();
        // Chunks counted before the flag keep their markers, so trying the whole batch again counts each event once.
        return applied.Contains(-1) ? throw new AggregatesRebuildingException() : applied.Sum();
    }

    /// <summary>Moves the cache versions without changing counts (after a rebuild or a recomputed day).</summary>
    public Task BumpVersionsAsync(IEnumerable<Guid> tutorIds)
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(tutorIds.Distinct().Select(t => db.StringIncrementAsync(RedisKeys.Version(t)))
            .Append(db.StringIncrementAsync(RedisKeys.Version(null))));
    }

    /// <summary>KEYS deduplicated and referred to by index; ARGV as the script reads it.</summary>
    private sealed class ScriptBuilder
    {
        // One string per kind instead of one per operation.
        private static readonly Dictionary<char, RedisValue> Kinds = new() { ['h'] = "h", ['z'] = "z", ['p'] = "p" };

        private readonly Dictionary<RedisKey, int> _keyIndex = [];
        private readonly List<RedisKey> _keys = [];
        private readonly List<RedisValue> _args;

        public ScriptBuilder(long ttlSeconds, int events)
        {
            _args = [ttlSeconds, events];
            Index(RedisKeys.Rebuilding); // KEYS[1]
        }

        public RedisKey[] Keys => [.. _keys];

        public void AddEvent(RedisKey marker, List<RedisOp> ops)
        {
            _args.Add(Index(marker));
            _args.Add(ops.Count);
            foreach (var op in ops)
            {
                _args.Add(Kinds[op.Kind]);
                _args.Add(Index(op.Key));
                _args.Add(op.Member);
                _args.Add(op.By);
            }
        }

        public RedisValue[] Finish(List<RedisKey> versions)
        {
            _args.Add(versions.Count);
            _args.AddRange(versions.Select(v => (RedisValue)Index(v)));
            return [.. _args];
        }

        private int Index(RedisKey key)
        {
            if (!_keyIndex.TryGetValue(key, out var index))
            {
                _keys.Add(key);
                _keyIndex[key] = index = _keys.Count;
            }

            return index;
        }
    }
}

/// <summary>The aggregates are being rebuilt from PostgreSQL; nothing of the call was counted that the rebuild will not cover.</summary>
public sealed class AggregatesRebuildingException() : Exception("The Redis aggregates are being rebuilt; counting waits for the rebuild.");
