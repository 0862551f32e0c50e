using Repitbot.Analytics.Observability;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Workers;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Finishes one batch from an event queue: a message that cannot be used is moved alone to the error queue,
/// the rest are stored together. Nothing is acknowledged before this returns, so a failure loses nothing:
/// while PostgreSQL or Redis are unavailable the batch waits and is tried again, for as long as it takes
/// (the broker keeps the rest of the queue meanwhile). A failure that persists without looking like the
/// infrastructure's is blamed on the events: the batch is split until the event that fails alone is found
/// and moved to the error queue, and the others are stored.
/// </summary>
public sealed class BatchProcessor(EventIngestor ingestor, IEnumerable<IBatchObserver> observers, WorkerHeartbeats workers,
    ILogger<BatchProcessor> logger)
{
    /// <summary>Attempts of a whole batch before an unexplained failure is blamed on its events.</summary>
    private const int AttemptsBeforeBlame = 5;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    private readonly IBatchObserver[] _observers = observers.ToArray();

    /// <summary>Due while a batch is open: one that waits on PostgreSQL or Redis for long shows in readiness.</summary>
    private readonly WorkerHeartbeat _heartbeat = workers.OnDemand("analytics-ingestion", TimeSpan.FromSeconds(10));

    /// <param name="stopping">Cancelled only when the service must stop at once; unfinished messages are then delivered again.</param>
    public async Task ProcessAsync(EventRoute route, IReadOnlyList<Delivery> batch, ErrorQueues errors, CancellationToken stopping)
    {
        using var work = _heartbeat.BeginWork();
        var usable = new List<Delivery>(batch.Count);
        foreach (var delivery in batch)
        {
            if (delivery.Problem is { } problem)
            {
                await MoveAsync(route, delivery, typeof(InvalidEventException).FullName!, problem, errors, stopping);
            }
            else
            {
                usable.Add(delivery);
            }
        }

        await StoreAsync(route, usable, errors, AttemptsBeforeBlame, stopping);
        _heartbeat.Beat();
        foreach (var observer in _observers)
        {
            observer.Finished(route, batch);
        }
    }

    private async Task StoreAsync(EventRoute route, List<Delivery> deliveries, ErrorQueues errors, int attemptsBeforeBlame,
        CancellationToken stopping)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var events = deliveries.Select(d => d.Event!).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ingestor.IngestAsync(events, stopping);
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                var transient = TransientFailures.IsTransient(ex);
                if (!transient && attempt >= attemptsBeforeBlame)
                {
                    await BlameAsync(route, deliveries, errors, ex, stopping);
                    return;
                }

                var delay = Delay(attempt);
                IngestionLog.StoreFailed(logger, ex, deliveries.Count, route.Name, attempt, transient ? "transient" : "unexplained", delay);
                IngestionMetrics.StoreRetries.Inc();
                await Task.Delay(delay, stopping);
            }
        }
    }

    /// <summary>
    /// Halves are tried once each (the whole batch was already retried), down to the single event that fails;
    /// a failure that turns out to be the infrastructure's is still waited out.
    /// </summary>
    private async Task BlameAsync(EventRoute route, List<Delivery> deliveries, ErrorQueues errors, Exception failure,
        CancellationToken stopping)
    {
        if (deliveries.Count == 1)
        {
            var e = deliveries[0].Event!;
            await MoveAsync(route, deliveries[0], failure.GetType().FullName!, $"{e.Type} {e.EventId} could not be stored: {failure.Message}",
                errors, stopping);
            return;
        }

        var half = deliveries.Count / 2;
        await StoreAsync(route, deliveries.Take(half).ToList(), errors, 1, stopping);
        await StoreAsync(route, deliveries.Skip(half).ToList(), errors, 1, stopping);
    }

    private async Task MoveAsync(EventRoute route, Delivery delivery, string exceptionType, string reason, ErrorQueues errors,
        CancellationToken stopping)
    {
        IngestionLog.MovedToErrorQueue(logger, route.Name, reason);
        await errors.MoveAsync(route, delivery, exceptionType, reason, stopping);
        IngestionMetrics.MovedToErrorQueue.WithLabels(route.Name).Inc();
    }

    private static TimeSpan Delay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, FirstDelay.Ticks << Math.Min(attempt - 1, 16)));
}

public sealed class InvalidEventException(string message) : Exception(message);
