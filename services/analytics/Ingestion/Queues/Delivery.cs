using RabbitMQ.Client;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// One message taken from an event queue: the event ready to store, or why it cannot be used. The body is
/// kept (copied out of the client's pooled buffer) so that a message can still be moved to the error queue
/// unchanged if storing it fails for a reason of its own.
/// </summary>
public sealed record Delivery(ulong Tag, IReadOnlyBasicProperties Properties, ReadOnlyMemory<byte> Body,
    IngestedEvent? Event, string? Problem);
