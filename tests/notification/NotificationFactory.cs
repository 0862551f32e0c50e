using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Repitbot.Contracts;
using Repitbot.TestSupport;

namespace Repitbot.Notification.Tests;

/// <summary>The notification service in-process: its own RabbitMQ virtual host, the local PostgreSQL and SMTP server.</summary>
public sealed class NotificationFactory() : ServiceFactory<Program>("notification")
{
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(15);

    public IBus Bus => Services.GetRequiredService<IBus>();

    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    public ReceivedMessages Received => Services.GetRequiredService<ReceivedMessages>();

    /// <summary>Publishes <paramref name="message"/> under a message id of the test's choosing.</summary>
    public async Task<Guid> PublishAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await Bus.Publish(message, context => context.MessageId = messageId);
        return messageId;
    }

    /// <summary>Publishes a copy of <paramref name="message"/> (same event id, new message id) and waits until the service is done with it.</summary>
    public async Task RedeliverAsync<T>(T message)
        where T : class
    {
        var messageId = await PublishAsync(message);
        Assert.True(await Eventually.Async(() => Task.FromResult(Received.HasFinished(messageId))),
            $"The service did not finish the redelivered {typeof(T).Name} within {Eventually.Timeout}.");
    }

    public Task RegisterStudentAsync(Guid studentId, string displayName, string email, string locale = "ru") =>
        PublishAsync(new UserRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), UserId = studentId,
            Role = UserRole.Student, DisplayName = displayName, Email = email, Locale = locale, TimeZone = "Europe/Moscow",
        });

    public static LessonCompleted Lesson(Guid studentId, LessonOutcome outcome, int minutes) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), StudentId = studentId,
        LessonId = Guid.NewGuid(), Outcome = outcome, Minutes = minutes,
    };

    protected override void ConfigureTestServices(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddSingleton<ReceivedMessages>();
        services.AddReceiveObserver(sp => sp.GetRequiredService<ReceivedMessages>());
    });
}
