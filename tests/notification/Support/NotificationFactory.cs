using Microsoft.AspNetCore.Hosting;
using Repitbot.Contracts;

namespace Repitbot.Notification.Tests.Support;

/// <summary>
/// The notification service in-process: its own RabbitMQ virtual host, the local PostgreSQL, Redis and SMTP
/// server, with short intervals so retries and reminders happen within a test.
/// </summary>
public class NotificationFactory() : MessagingServiceFactory<Program>("notification")
{
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Reminders go out this long before a lesson; a lesson an hour away gets one within seconds.</summary>
    public static readonly TimeSpan ShortReminder = TimeSpan.FromHours(1) - TimeSpan.FromSeconds(3);

    public Task RegisterStudentAsync(Guid studentId, string displayName, string? email, string locale = "ru",
        string timeZone = "Europe/Moscow", long? chatId = null) =>
        RegisterAsync(studentId, UserRole.Student, displayName, email, locale, timeZone, chatId);

    public async Task RegisterAsync(Guid userId, UserRole role, string displayName, string? email, string locale = "ru",
        string timeZone = "Europe/Moscow", long? chatId = null)
    {
        var message = new UserRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), UserId = userId,
            Role = role, DisplayName = displayName, Email = email, Locale = locale, TimeZone = timeZone, TelegramChatId = chatId,
        };
        await RedeliverAsync(message);
    }

    public static LessonCompleted Lesson(Guid studentId, LessonOutcome outcome, int minutes) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), StudentId = studentId,
        LessonId = Guid.NewGuid(), Outcome = outcome, Minutes = minutes,
    };

    public HttpClient Admin() => ClientWithToken(Tokens.Admin());

    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Delivery:PollInterval", "00:00:00.100"),
        new("Delivery:RetryBaseDelay", "00:00:00.200"),
        new("Delivery:RetryMaxDelay", "00:00:01"),
        new("Delivery:TelegramLimiterKey", $"test:{Guid.NewGuid():N}"),
        // Every test host shares the database: each claims only the rows it planned itself.
        new("Delivery:Partition", $"test-{Guid.NewGuid():N}"),
        new("Rules:ReminderOffsets:0", ShortReminder.ToString()),
        new("Rules:ReminderOffsets:1", "1.00:00:00"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedNotificationService : ICollectionFixture<NotificationFactory>
{
    public const string Name = "notification service";
}
