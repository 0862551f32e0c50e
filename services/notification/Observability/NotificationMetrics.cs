using Prometheus;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery;

namespace Repitbot.Notification.Observability;

/// <summary>The service's metrics, under the names the dashboards expect.</summary>
public static class NotificationMetrics
{
    public static readonly Counter Notifications = Metrics.CreateCounter("repitbot_notifications_total",
        "Notifications that reached a final state, by channel, type and status (sent, failed, suppressed).", "channel", "type", "status");

    public static readonly Counter Failures = Metrics.CreateCounter("repitbot_notification_failures_total",
        "Failed or suppressed notifications by channel and reason.", "channel", "reason");

    public static readonly Counter Retries = Metrics.CreateCounter("repitbot_notification_retries_total",
        "Transient failures put back in the schedule.", "channel");

    public static readonly Histogram Latency = Metrics.CreateHistogram("repitbot_notification_latency_seconds",
        "From the event occurring to the provider accepting the message.", new HistogramConfiguration
        {
            LabelNames = ["channel"],
            Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
        });

    public static readonly Counter LeaseExpirations = Metrics.CreateCounter("repitbot_notification_lease_expirations_total",
        "Deliveries claimed again after a lease ran out with no outcome recorded (an instance died or hung mid-send): "
        + "each may reach its reader twice.", "channel");

    public static readonly Gauge Backlog = Metrics.CreateGauge("repitbot_notification_backlog",
        "Rows waiting to be sent, by status (pending, scheduled).", "status");

    public static readonly Histogram RenderSeconds = Metrics.CreateHistogram("repitbot_template_render_seconds",
        "Time to render one notification's templates.", new HistogramConfiguration
        {
            LabelNames = ["channel"],
            Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
        });

    public static readonly Counter TelegramRequests = Metrics.CreateCounter("repitbot_telegram_requests_total",
        "Bot API requests by method and result (ok, or the error code).", "method", "result");

    public static readonly Counter TelegramPaceUnrecorded = Metrics.CreateCounter("repitbot_telegram_pace_unrecorded_total",
        "Telegram calls whose end could not be written to the shared pace in Redis (the message stands; the chat's next "
        + "message may come sooner than its limit).");

    public static void Finished(NotificationChannel channel, string type, DeliveryStatus status, string? reason)
    {
        var name = Names.ChannelNames.Of(channel);
        Notifications.WithLabels(name, type, status.ToString().ToLowerInvariant()).Inc();
        if (status != DeliveryStatus.Sent)
        {
            Failures.WithLabels(name, ReasonCode(reason)).Inc();
        }
    }

    /// <summary>Keeps the reason label a short code: free text would explode the number of series.</summary>
    private static string ReasonCode(string? reason) => reason switch
    {
        null => "unknown",
        _ when reason.Length <= 32 && !reason.Contains(' ', StringComparison.Ordinal) => reason,
        _ when reason.Contains("opted out", StringComparison.Ordinal) => "opted_out",
        _ when reason.Contains("switched off", StringComparison.Ordinal) => "channel_off",
        _ when reason.Contains("Telegram is off", StringComparison.Ordinal) => "telegram_off",
        _ when reason.Contains("no e-mail", StringComparison.OrdinalIgnoreCase) || reason.Contains("no Telegram", StringComparison.Ordinal) => "no_address",
        _ => "suppressed",
    };
}
