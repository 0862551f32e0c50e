using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Updates;

/// <summary>
/// Posts queued updates to each bot's webhook one at a time, in order, with the secret-token header.
/// An update the webhook does not accept with 2xx stays queued and is re-posted after a pause, as Telegram does.
/// </summary>
public sealed partial class WebhookSender(StubState state, IHttpClientFactory clients, ILogger<WebhookSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryAt = new Dictionary<string, DateTimeOffset>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var waits = new List<Task> { Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken) };
            foreach (var bot in state.All)
            {
                (string Url, string? Secret, JsonObject Update)? next = null;
                lock (bot.Sync)
                {
                    waits.Add(bot.UpdateSignal.Task);
                    if (bot.WebhookUrl is { } url && bot.PendingUpdates.Count > 0 && retryAt.GetValueOrDefault(bot.Token) <= DateTimeOffset.UtcNow)
                    {
                        next = (url, bot.WebhookSecret, bot.PendingUpdates[0]);
                    }
                }

                if (next is { } work)
                {
                    var delivered = await PostAsync(bot, work.Url, work.Secret, work.Update, stoppingToken);
                    retryAt[bot.Token] = delivered ? DateTimeOffset.MinValue : DateTimeOffset.UtcNow + state.Options.WebhookRetryDelay;
                    waits.Add(Task.CompletedTask);
                }
            }

            await Task.WhenAny(waits);
        }
    }

    private async Task<bool> PostAsync(BotState bot, string url, string? secret, JsonObject update, CancellationToken ct)
    {
        string? error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            if (secret is not null)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            }

            using var response = await clients.CreateClient(nameof(WebhookSender)).SendAsync(request, ct);
            error = response.IsSuccessStatusCode ? null : $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            error = "Connection refused: " + e.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "Read timeout expired";
        }

        lock (bot.Sync)
        {
            if (error is null)
            {
                bot.PendingUpdates.Remove(update);
                bot.Counters.WebhookDeliveries++;
                return true;
            }

            bot.Counters.WebhookFailures++;
            bot.WebhookLastErrorDate = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            bot.WebhookLastErrorMessage = error;
        }

        LogDeliveryFailed(logger, url, error);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Url} did not accept an update: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string url, string error);
}
