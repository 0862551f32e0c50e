using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using Repitbot.Analytics.Ingestion.Queues;
using Repitbot.Contracts;
using Repitbot.Hosting.Messaging;

namespace Repitbot.Analytics.Tests.WireCompatibility;

/// <summary>
/// Every service reads what every other writes: each contract type, with every field set, survives the one
/// wire format (outbox, journal, webhooks, analytics' payload column, load tester) and MassTransit's
/// serializer as the hosting library configures it, in both directions.
/// </summary>
public sealed class WireFormatTests
{
    [Theory]
    [MemberData(nameof(FilledContracts.Names), MemberType = typeof(FilledContracts))]
    public void A_contract_reads_back_from_the_wire_format_with_every_field(string name)
    {
        var type = FilledContracts.Named(name);
        var written = JsonSerializer.Serialize(FilledContracts.Of(type), type, WireFormat.Json);

        var read = JsonSerializer.Deserialize(written, type, WireFormat.Json)!;

        AssertSame(FilledContracts.Of(type), read, type);
        AssertEnumsAreNames(type, JsonNode.Parse(written)!.AsObject());
    }

    [Theory]
    [MemberData(nameof(FilledContracts.Names), MemberType = typeof(FilledContracts))]
    public void The_bus_reads_what_the_outbox_writes(string name)
    {
        ConfigureBusSerializer();
        var type = FilledContracts.Named(name);
        var envelope = new JsonObject
        {
            ["messageId"] = Guid.NewGuid(),
            ["messageType"] = new JsonArray($"urn:message:{type.Namespace}:{type.Name}"),
            ["message"] = JsonNode.Parse(JsonSerializer.Serialize(FilledContracts.Of(type), type, WireFormat.Json)),
        };

        var context = SystemTextJsonMessageSerializer.Instance.Deserialize(
            new StringMessageBody(envelope.ToJsonString()), EmptyHeaders.Instance, new Uri("loopback://localhost/test"));
        var read = typeof(WireFormatTests).GetMethod(nameof(TryGet), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [context]);

        Assert.NotNull(read);
        AssertSame(FilledContracts.Of(type), read, type);
    }

    [Theory]
    [MemberData(nameof(FilledContracts.Names), MemberType = typeof(FilledContracts))]
    public void The_wire_format_reads_what_the_bus_writes(string name)
    {
        ConfigureBusSerializer();
        var type = FilledContracts.Named(name);
        var body = JsonSerializer.Serialize(FilledContracts.Of(type), type, SystemTextJsonMessageSerializer.Options);

        var read = JsonSerializer.Deserialize(body, type, WireFormat.Json)!;

        AssertSame(FilledContracts.Of(type), read, type);
        AssertEnumsAreNames(type, JsonNode.Parse(body)!.AsObject());
    }

    [Theory]
    [MemberData(nameof(FilledContracts.Names), MemberType = typeof(FilledContracts))]
    public void Analytics_stores_an_event_from_a_bus_envelope_as_the_wire_format_writes_it(string name)
    {
        ConfigureBusSerializer();
        var type = FilledContracts.Named(name);
        if (!typeof(IDomainEvent).IsAssignableFrom(type))
        {
            return; // commands (SendNotification) never reach analytics
        }

        var message = (IDomainEvent)FilledContracts.Of(type);
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new { messageId = Guid.NewGuid(), message = (object)message },
            SystemTextJsonMessageSerializer.Options);

        var delivery = EventMessage.Read(type, 1, new BasicProperties { ContentType = "application/vnd.masstransit+json" },
            envelope, message.OccurredAt);

        Assert.Null(delivery.Problem);
        Assert.Equal(JsonSerializer.Serialize(message, type, WireFormat.Json), delivery.Event!.Payload);
    }

    private static T? TryGet<T>(SerializerContext context)
        where T : class => context.TryGetMessage<T>(out var message) ? message : null;

    /// <summary>Builds (does not start) a bus as every service does, which sets MassTransit's serializer options.</summary>
    private static void ConfigureBusSerializer()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Repitbot.WireFormatTests", DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:5672/" });
        builder.AddMessageBus();
        using var host = builder.Build();
        _ = host.Services.GetRequiredService<IBusControl>();
    }

    private static void AssertSame(object expected, object actual, Type type)
    {
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var want = JsonSerializer.Serialize(property.GetValue(expected), property.PropertyType);
            var got = JsonSerializer.Serialize(property.GetValue(actual), property.PropertyType);
            Assert.True(want == got, $"{type.Name}.{property.Name}: wrote {want}, read {got}.");
        }
    }

    private static void AssertEnumsAreNames(Type type, JsonObject written)
    {
        foreach (var property in type.GetProperties().Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum))
        {
            var value = written[JsonNamingPolicy.CamelCase.ConvertName(property.Name)];
            Assert.True(value?.GetValueKind() == JsonValueKind.String, $"{type.Name}.{property.Name} is written as {value?.ToJsonString()}, not a name.");
        }
    }
}
