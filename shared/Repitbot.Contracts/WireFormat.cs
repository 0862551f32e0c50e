using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repitbot.Contracts;

/// <summary>
/// The one JSON form of the contracts wherever they are written or read: the bus, the outbox, the bot
/// gateway's request journal, webhook data, analytics' <c>payload</c> column and the load tester. Web
/// defaults (camelCase, case-insensitive reading) with enums as their names; stored payloads are read back
/// years later, so a change here is a change of every stored and queued message.
/// </summary>
public static class WireFormat
{
    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>
    /// Adds the format's choices to options built elsewhere (MassTransit's serializer keeps its own envelope
    /// settings) and returns them. Safe to call again on the same options: a second bus in one process
    /// (tests) configures MassTransit's shared options once more.
    /// </summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }

        return options;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }
}
