using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;
using Repitbot.Hosting.Messaging;

namespace Repitbot.Analytics.Tests.OtherService;

/// <summary>
/// A second service on the same broker, wired exactly as the real services wire their bus (the shared
/// hosting library's <c>AddMessageBus</c>), with a LessonCompleted consumer named as notification names its own.
/// </summary>
public sealed class LessonConsumingService : IAsyncDisposable
{
    private readonly IHost _host;

    private LessonConsumingService(IHost host) => _host = host;

    public int Consumed(Guid tutorId) => _host.Services.GetRequiredService<ConsumedLessons>().For(tutorId);

    public static async Task<LessonConsumingService> StartAsync(string applicationName, string rabbitMqUri)
    {
        var host = await BusHost.StartAsync(applicationName, rabbitMqUri, builder =>
        {
            builder.Services.AddSingleton<ConsumedLessons>();
            builder.AddMessageBus(bus => bus.AddConsumer<LessonCompletedConsumer>());
        });
        return new LessonConsumingService(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed class ConsumedLessons
{
    private readonly ConcurrentDictionary<Guid, int> _byTutor = new();

    public void Add(Guid tutorId) => _byTutor.AddOrUpdate(tutorId, 1, (_, count) => count + 1);

    public int For(Guid tutorId) => _byTutor.GetValueOrDefault(tutorId);
}

public sealed class LessonCompletedConsumer(ConsumedLessons consumed) : IConsumer<LessonCompleted>
{
    public Task Consume(ConsumeContext<LessonCompleted> context)
    {
        consumed.Add(context.Message.TutorId);
        return Task.CompletedTask;
    }
}
