using System.Buffers.Binary;
using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Baselines;

/// <summary>
/// The broker's own ceiling on this machine (ARCHITECTURE.md, "How speed is judged"): RabbitMQ.Client 7,
/// persistent messages of an event's size, publisher confirms awaited per message, a quorum queue and a
/// consumer with manual acks. No MassTransit, no database: what ingestion is compared with.
/// </summary>
public sealed class RabbitRawScenario : Scenario
{
    private const int PublishChannels = 4;
    private static readonly byte[] Padding = new byte[400];

    public override string Name => "baseline-rabbitmq";

    public override string Summary => "raw RabbitMQ.Client: persistent + confirms → quorum queue → manual-ack consumer";

    public override double? DefaultRate => null;

    public override IEnumerable<Target> Targets(CommandLine options) => [new("RabbitMQ", options.Require("rabbitmq"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var uri = new Uri(run.Options.Require("rabbitmq"));
        await using var connection = await ConnectAsync(uri, cancellationToken);
        var queue = $"loadtest-baseline-{Guid.NewGuid():N}";
        await using var consumerChannel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await consumerChannel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await consumerChannel.BasicQosAsync(0, 256, false, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var consumed = 0L;
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var intended = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(delivery.Body.Span), TimeSpan.Zero);
            run.Recorder.Record(Outcome.Ok("consumed"), Latency.MicrosecondsSinceIntended(intended, DateTimeOffset.UtcNow),
                Stopwatch.GetElapsedTime(started));
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
            Interlocked.Increment(ref consumed);
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);

        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var publishers = new IChannel[PublishChannels];
        for (var i = 0; i < PublishChannels; i++)
        {
            publishers[i] = await connection.CreateChannelAsync(options, cancellationToken);
        }

        var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
        var elapsed = await run.DriveAsync("published", async (context, ct) =>
        {
            var body = new byte[8 + Padding.Length];
            BinaryPrimitives.WriteInt64LittleEndian(body, context.IntendedAt.UtcTicks);
            // Awaiting BasicPublishAsync with confirm tracking on returns once the broker confirmed the message.
            await publishers[context.Slot(PublishChannels)].BasicPublishAsync("", queue, false, properties, body, ct);
            return Outcome.Ok("published");
        }, cancellationToken);

        var wait = Stopwatch.StartNew();
        while (Interlocked.Read(ref consumed) < run.Plan.Planned && wait.Elapsed < TimeSpan.FromSeconds(run.Options.GetSeconds("timeout", 30)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        foreach (var channel in publishers)
        {
            await channel.DisposeAsync();
        }

        await consumerChannel.QueueDeleteAsync(queue, false, false, cancellationToken: CancellationToken.None);
        return run.Result(Name, RowSummary.From(run.Recorder, elapsed), elapsed, $"{uri.Host}:{uri.Port}{uri.AbsolutePath}");
    }

    private static async Task<IConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await new ConnectionFactory { Uri = uri, ClientProvidedName = "repitbot-load-tester" }.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException ex)
        {
            throw new TargetUnreachableException("RabbitMQ", $"{uri.Host}:{uri.Port}", ex.GetBaseException().Message);
        }
    }
}
