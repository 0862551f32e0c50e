using System.Text.Json;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>Every domain event in the contracts, by its type name (the <c>type</c> column); payloads are in <see cref="WireFormat"/>.</summary>
public static class EventTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IDomainEvent? Deserialize(string type, string payload) =>
        ByName.TryGetValue(type, out var clr) ? (IDomainEvent?)JsonSerializer.Deserialize(payload, clr, WireFormat.Json) : null;
}
