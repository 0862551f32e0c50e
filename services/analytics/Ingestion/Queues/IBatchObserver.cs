namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Told when a batch from an event queue is finished (stored, or moved to the error queue) and about to be
/// acknowledged. Nothing in the service needs it; tests use it to wait for a redelivered copy to be handled.
/// </summary>
public interface IBatchObserver
{
    void Finished(EventRoute route, IReadOnlyList<Delivery> batch);
}
