using System.Collections.Concurrent;
using Repitbot.Analytics.Ingestion.Queues;

namespace Repitbot.Analytics.Tests.Support;

/// <summary>How many copies of each event the service has finished with (stored, found already stored, or moved to an error queue).</summary>
public sealed class HandledEvents : IBatchObserver
{
    private readonly ConcurrentDictionary<Guid, int> _copies = new();

    public int Copies(Guid eventId) => _copies.GetValueOrDefault(eventId);

    public void Finished(EventRoute route, IReadOnlyList<Delivery> batch)
    {
        foreach (var delivery in batch)
        {
            if (delivery.Event is { } e)
            {
                _copies.AddOrUpdate(e.EventId, 1, (_, count) => count + 1);
            }
        }
    }
}
