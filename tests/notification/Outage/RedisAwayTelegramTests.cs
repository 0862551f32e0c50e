using Microsoft.AspNetCore.Hosting;
using Repitbot.Contracts;
using Repitbot.Notification.Tests.Support;
using Repitbot.TestSupport.Faults;

namespace Repitbot.Notification.Tests.Outage;

/// <summary>Telegram on the stand-in, with Redis (the shared Telegram pace) behind a proxy a test can cut.</summary>
public class RedisAwayTelegramFactory : TelegramFactory
{
    public FaultyDependencies Dependencies { get; } = FaultyDependencies.Start("notification");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Dependencies.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Dependencies.Apply(builder, "notification");
    }
}

/// <summary>
/// Without Redis the Telegram pace cannot be kept, so a message waits in the schedule; it used to stay claimed
/// until its lease ran out (minutes), and then counted as a possible second copy although it never went.
/// </summary>
public sealed class RedisAwayTelegramTests
{
    [Fact]
    public async Task A_message_due_while_Redis_is_away_waits_in_the_schedule_and_goes_once_when_Redis_is_back()
    {
        await using var started = await StartedHost.StartAsync(new RedisAwayTelegramFactory());
        var notification = started.Host;
        var studentId = Guid.NewGuid();
        var chatId = notification.NewChat();
        await notification.RegisterStudentAsync(studentId, "Вика", null, chatId: chatId);

        notification.Dependencies.Redis.Cut();
        await notification.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 30));
        var waiting = await DeliveryRow.WaitForAsync(notification.Database, studentId,
            rows => rows.Any(r => r.Channel == "Telegram" && r.Status == "Scheduled"), TimeSpan.FromSeconds(20));
        Assert.Contains(waiting, r => r.Channel == "Telegram" && r.Status == "Scheduled");
        Assert.Empty(notification.Stub.Calls("sendMessage", chatId));

        notification.Dependencies.Redis.Restore();
        await DeliveryRow.WaitForAsync(notification.Database, studentId,
            rows => rows.Any(r => r.Channel == "Telegram" && r.Status == "Sent"), TimeSpan.FromSeconds(30));
        Assert.Single(notification.Stub.Calls("sendMessage", chatId));
        await using var command = notification.Database.CreateCommand(
            "SELECT lease_expirations FROM notification.deliveries WHERE recipient_id = $1 AND channel = 'Telegram'");
        command.Parameters.AddWithValue(studentId);
        Assert.Equal(0, (int)(await command.ExecuteScalarAsync())!);
    }
}
