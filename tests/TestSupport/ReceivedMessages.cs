using System.Collections.Concurrent;
using MassTransit;

namespace Repitbot.TestSupport;

/// <summary>
/// Which messages the service has finished with (handled or faulted), by message id, so a test can wait
/// for a redelivered copy to be processed before asserting that it changed nothing.
/// </summary>
public sealed class ReceivedMessages : IReceiveObserver
{
    private readonly ConcurrentDictionary<Guid, int> _finished = new();

    public bool HasFinished(Guid messageId) => _finished.ContainsKey(messageId);

    public Task PostReceive(ReceiveContext context) => Record(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Record(context);

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    private Task Record(ReceiveContext context)
    {
        if (context.GetMessageId() is { } id)
        {
            _finished.AddOrUpdate(id, 1, (_, count) => count + 1);
        }

        return Task.CompletedTask;
    }
}
