using System.Collections.Concurrent;
using Npgsql;
using Repitbot.Hosting.Startup;

namespace Repitbot.Analytics.Data;

/// <summary>
/// Monthly partitions of <c>analytics.events</c> (<c>events_yyyy_mm</c>, UTC months; the DDL is the database
/// function <c>analytics.ensure_event_partition</c>, which the load tester's seeder calls too), created the first
/// time an event of that month arrives, so late imports of old history need no preparation. Creation
/// is serialised with an advisory lock and runs outside ingestion's transaction.
/// </summary>
public sealed class EventPartitions(NpgsqlDataSource dataSource) : IStartupTask
{
    private const long LockKey = 0x616e_616c_7970; // "analyp": one lock for partition creation
    private readonly ConcurrentDictionary<DateOnly, bool> _known = new();

    /// <summary>After migrations: this month and the next exist before the first event.</summary>
    public int Order => 200;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var month = MonthOf(DateTimeOffset.UtcNow);
        return EnsureAsync([month, month.AddMonths(1)], cancellationToken);
    }

    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);

    public async Task EnsureAsync(IEnumerable<DateOnly> months, CancellationToken cancellationToken)
    {
        var missing = months.Distinct().Where(m => !_known.ContainsKey(m)).Order().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var month in missing)
        {
            await using var create = new NpgsqlCommand("SELECT analytics.ensure_event_partition(@month)", connection, transaction);
            create.Parameters.AddWithValue("month", month);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var month in missing)
        {
            _known[month] = true;
        }
    }
}
