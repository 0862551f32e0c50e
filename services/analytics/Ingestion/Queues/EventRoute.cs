using Repitbot.Hosting.Messaging;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Where analytics reads one event type from: the queue <c>analytics-{event}</c>, bound to the exchange that
/// MassTransit publishers send the event to (<c>{namespace}:{type}</c>), and the queue that takes the
/// messages it cannot use. The names are the ones MassTransit gave these queues before analytics read them
/// itself, so an existing broker keeps its queues and their messages.
/// </summary>
public sealed record EventRoute(Type EventType, string Name, string Exchange)
{
    public string ErrorQueue => Name + "_error";

    /// <summary>One queue per event type in the contracts: a new contract event gets its queue without code here.</summary>
    public static readonly IReadOnlyList<EventRoute> All = EventTypes.ByName.Values
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(For)
        .ToList();

    public static EventRoute For(Type eventType) =>
        new(eventType, "analytics-" + KebabCase.Of(eventType.Name), $"{eventType.Namespace}:{eventType.Name}");
}
