using System.Text.Json;
using System.Text.Json.Serialization;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>Every domain event in the contracts, by its type name (the <c>type</c> column), and how payloads are written.</summary>
public static class EventTypes
{
    /// <summary>System.Text.Json web defaults with enums as their names: the <c>payload</c> column's format (fixed for readers).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly IReadOnlyDictionary<string, Type> ByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IDomainEvent? Deserialize(string type, string payload) =>
        ByName.TryGetValue(type, out var clr) ? (IDomainEvent?)JsonSerializer.Deserialize(payload, clr, Json) : null;
}
