using Prometheus;

namespace Repitbot.BotGateway.Observability;

/// <summary>The bot gateway's metric names, fixed in advance for the Grafana dashboards.</summary>
public static class BotMetrics
{
    /// <summary>kind: the command (/start, /schedule…), "callback", "document", "text" or "duplicate".</summary>
    public static readonly Counter Updates = Metrics.CreateCounter(
        "repitbot_bot_updates_total", "Telegram updates handled, by command or kind.", "kind");

    /// <summary>method: the Bot API method (sendMessage…); result: ok | error.</summary>
    public static readonly Counter Replies = Metrics.CreateCounter(
        "repitbot_bot_replies_total", "Calls to the Telegram Bot API made to answer users.", "method", "result");

    /// <summary>result: processed | failed | duplicate | unauthorized | invalid | too_large | unknown_source.</summary>
    public static readonly Counter Webhooks = Metrics.CreateCounter(
        "repitbot_webhooks_total", "Webhook deliveries from outside systems, by outcome.", "source", "result");
}
