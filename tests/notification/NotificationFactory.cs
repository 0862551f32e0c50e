using Repitbot.Contracts;

namespace Repitbot.Notification.Tests;

/// <summary>The notification service in-process: its own RabbitMQ virtual host, the local PostgreSQL and SMTP server.</summary>
public sealed class NotificationFactory() : MessagingServiceFactory<Program>("notification")
{
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(15);

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
}
