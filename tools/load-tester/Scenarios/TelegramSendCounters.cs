using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// Where notify-telegram reads how many sendMessage calls were made and how they ended: the Bot API
/// stand-in's own counters when it is given (what the "Bot API" saw), else notification's
/// repitbot_telegram_requests_total{method,result}. Results are keyed "ok", "429" or the metric's label.
/// </summary>
public sealed class TelegramSendCounters(HttpClient notification, HttpClient? stub)
{
    public const string Metric = "repitbot_telegram_requests_total";

    public string Source => stub is null ? $"notification's {Metric}" : "the Telegram Bot API stand-in's counters";

    /// <summary>Makes the recipients' chats known to the stand-in (the real API only delivers to users who wrote to the bot).</summary>
    public async Task RegisterChatsAsync(IEnumerable<long> chatIds, CancellationToken cancellationToken)
    {
        if (stub is null)
        {
            return;
        }

        foreach (var id in chatIds)
        {
            using var response = await stub.PostAsJsonAsync("_stub/bots/default/chats", new { id, firstName = "Load", type = "private" },
                cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Calls by result so far, or null when the source does not count Telegram sends at all.</summary>
    public async Task<Dictionary<string, double>?> ReadAsync(CancellationToken cancellationToken)
    {
        if (stub is not null)
        {
            using var document = JsonDocument.Parse(await stub.GetStringAsync(new Uri("_stub/bots/default/counters", UriKind.Relative), cancellationToken));
            var counters = document.RootElement.GetProperty("counters");
            return new Dictionary<string, double>
            {
                ["ok"] = counters.GetProperty("sent").GetDouble(),
                ["429"] = counters.GetProperty("tooManyRequests").GetDouble(),
                ["error"] = counters.GetProperty("errors").GetDouble(),
            };
        }

        var text = await notification.GetStringAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        if (!text.Contains($"# TYPE {Metric}", StringComparison.Ordinal))
        {
            return null;
        }

        return PrometheusText.Samples(text, Metric)
            .Where(s => s.Labels.GetValueOrDefault("method") is null or "sendMessage")
            .GroupBy(s => s.Labels.GetValueOrDefault("result") ?? "unknown")
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
    }
}
