using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery.Telegram;
using Repitbot.Notification.Observability;
using Repitbot.Notification.Tests.Support;
using Repitbot.TestSupport.Faults;

namespace Repitbot.Notification.Tests.Outage;

/// <summary>Telegram on the stand-in; Redis (the shared pace) is cut while a sendMessage call is on its way.</summary>
public sealed class RedisCutMidSendFactory : RedisAwayTelegramFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddHttpClient(nameof(TelegramChannelSender))
            .AddHttpMessageHandler(() => new CutRedisOnSend(Dependencies.Redis)));
    }

    /// <summary>Cuts Redis as the message leaves: Telegram accepts it, and its end cannot be written to the pace.</summary>
    private sealed class CutRedisOnSend(TcpProxy redis) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/sendMessage", StringComparison.Ordinal) == true)
            {
                redis.Cut();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed class PaceUnrecordedTelegramTests
{
    [Fact]
    public async Task A_message_whose_end_cannot_be_written_to_Redis_stays_sent_and_is_counted()
    {
        await using var started = await StartedHost.StartAsync(new RedisCutMidSendFactory());
        var notification = started.Host;
        var studentId = Guid.NewGuid();
        var chatId = notification.NewChat();
        await notification.RegisterStudentAsync(studentId, "Соня", null, chatId: chatId);
        var before = NotificationMetrics.TelegramPaceUnrecorded.Value;

        await notification.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 30));
        var rows = await DeliveryRow.WaitForAsync(notification.Database, studentId,
            r => r.Any(d => d.Channel == "Telegram" && d.Status == "Sent"), TimeSpan.FromSeconds(30));
        notification.Dependencies.Redis.Restore();

        Assert.Contains(rows, d => d.Channel == "Telegram" && d.Status == "Sent");
        Assert.Single(notification.Stub.Calls("sendMessage", chatId));
        Assert.True(NotificationMetrics.TelegramPaceUnrecorded.Value >= before + 1, "the unrecorded pace was not counted");
        Assert.Contains("repitbot_telegram_pace_unrecorded_total", await notification.CreateClient().GetStringAsync("/metrics"),
            StringComparison.Ordinal);
    }
}
