using System.Text.Json;
using RabbitMQ.Client;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Reads an event from a message as the services publish it: MassTransit's JSON envelope, the event under
/// <c>message</c>; a plain JSON body (<c>application/json</c>) is read as the event itself.
/// </summary>
public static class EventMessage
{
    private const string PlainJson = "application/json";

    /// <summary>The event and its stored form, or the reason it cannot be stored (for the error queue).</summary>
    public static Delivery Read(Type eventType, ulong tag, IReadOnlyBasicProperties properties, ReadOnlySpan<byte> body,
        DateTimeOffset now)
    {
        var copy = body.ToArray();
        try
        {
            var message = properties.ContentType == PlainJson
                ? JsonSerializer.Deserialize(body, eventType, WireFormat.Json)
                : FromEnvelope(eventType, body);
            if (message is not IDomainEvent e)
            {
                return new Delivery(tag, properties, copy, null, "the message carries no event");
            }

            return EventValidator.Problem(e, now) is { } problem
                ? new Delivery(tag, properties, copy, null, $"{eventType.Name} {e.EventId}: {problem}")
                : new Delivery(tag, properties, copy, IngestedEvent.From(e), null);
        }
        catch (JsonException ex)
        {
            return new Delivery(tag, properties, copy, null, $"{eventType.Name} is not readable: {ex.Message}");
        }
#pragma warning disable CA1031 // Every delivery must come out as a Delivery: one that threw would never be acked, and no later batch of its channel either.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new Delivery(tag, properties, copy, null, $"{eventType.Name} could not be checked: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static object? FromEnvelope(Type eventType, ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the body is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isMessage)
            {
                return JsonSerializer.Deserialize(ref reader, eventType, WireFormat.Json);
            }

            reader.Skip();
        }

        throw new JsonException("the envelope has no \"message\"");
    }
}
