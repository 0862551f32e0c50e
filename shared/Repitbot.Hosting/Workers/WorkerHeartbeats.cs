using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Repitbot.Hosting.Workers;

/// <summary>
/// Every background loop of the service, so readiness, metrics and alerts can name one that stopped making
/// progress (a lost slot, a hung call, a dependency away for longer than its retries cover).
/// </summary>
public sealed class WorkerHeartbeats(IOptions<WorkerOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, WorkerHeartbeat> _workers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<WorkerHeartbeat> All => [.. _workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal)];

    /// <summary>A loop that polls: it must beat at least every <paramref name="longestQuietPass"/> (its poll interval, long-poll time-out).</summary>
    public WorkerHeartbeat Loop(string name, TimeSpan longestQuietPass) => Register(name, longestQuietPass, alwaysDue: true);

    /// <summary>A worker that is due only while it holds work (<see cref="WorkerHeartbeat.BeginWork"/>); <paramref name="longestPiece"/> is how long one piece may take when all is well.</summary>
    public WorkerHeartbeat OnDemand(string name, TimeSpan longestPiece) => Register(name, longestPiece, alwaysDue: false);

    private WorkerHeartbeat Register(string name, TimeSpan expected, bool alwaysDue)
    {
        // A quiet pass of up to `expected` is normal; past the configured threshold (at least three such
        // passes) the worker is stalled.
        var stallAfter = TimeSpan.FromTicks(Math.Max(options.Value.StallAfter.Ticks, expected.Ticks * 3));
        // Test hosts may build a worker twice in one process; the newest one is the one that runs.
        return _workers[name] = new WorkerHeartbeat(name, stallAfter, alwaysDue, clock);
    }
}
