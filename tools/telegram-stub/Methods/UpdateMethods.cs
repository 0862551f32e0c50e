using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Repitbot.TelegramStub.Api;

namespace Repitbot.TelegramStub.Methods;

/// <summary>getUpdates (long polling) and the webhook methods.</summary>
public static partial class UpdateMethods
{
    private const string WebhookActive = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
    private const string Terminated = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    public static async Task<JsonNode> GetUpdatesAsync(MethodContext call)
    {
        var bot = call.Bot;
        var p = call.Parameters;
        var limit = Math.Clamp(p.Number("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(p.Number("timeout") ?? 0, 0, 50));
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(call.Cancellation);
        Task signal;
        lock (bot.Sync)
        {
            if (bot.WebhookUrl is not null)
            {
                throw new BotApiException(409, WebhookActive);
            }

            // A newer poll ends the one still waiting, as the real API does when two bot instances run.
            bot.PendingPoll?.Cancel();
            bot.PendingPoll = mine;
            Confirm(bot, p.WholeNumber("offset"));
            if (bot.PendingUpdates.Count > 0 || timeout == TimeSpan.Zero)
            {
                bot.PendingPoll = null;
                return Take(bot, limit);
            }

            signal = bot.UpdateSignal.Task;
        }

        try
        {
            await signal.WaitAsync(timeout, mine.Token);
        }
        catch (TimeoutException)
        {
            // No update within the timeout: an empty answer, as the real API gives.
        }
        catch (OperationCanceledException) when (!call.Cancellation.IsCancellationRequested)
        {
            throw new BotApiException(409, Terminated);
        }
        catch (OperationCanceledException)
        {
            // The client went away (a bot killed mid-poll). Forget this poll, or the next one would cancel its
            // disposed token source and every getUpdates after a crash would fail.
            lock (bot.Sync)
            {
                if (ReferenceEquals(bot.PendingPoll, mine))
                {
                    bot.PendingPoll = null;
                }
            }

            throw;
        }

        lock (bot.Sync)
        {
            if (ReferenceEquals(bot.PendingPoll, mine))
            {
                bot.PendingPoll = null;
            }

            return bot.WebhookUrl is null ? Take(bot, limit) : new JsonArray();
        }
    }

    public static JsonNode SetWebhook(MethodContext call)
    {
        var bot = call.Bot;
        var url = call.Parameters.Text("url") ?? "";
        var secret = call.Parameters.Text("secret_token");
        if (url.Length > 0 && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw BotApiException.BadRequest("bad webhook: invalid webhook URL specified");
        }

        if (url.Length > 0 && bot.Options.RequireHttpsWebhook && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw BotApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (secret is not null && !SecretShape().IsMatch(secret))
        {
            throw BotApiException.BadRequest("secret token contains unallowed characters");
        }

        if (call.Parameters.Bool("drop_pending_updates"))
        {
            bot.PendingUpdates.Clear();
        }

        bot.WebhookUrl = url.Length > 0 ? url : null;
        bot.WebhookSecret = url.Length > 0 ? secret : null;
        bot.WebhookLastErrorDate = null;
        bot.WebhookLastErrorMessage = null;
        bot.PendingPoll?.Cancel();
        bot.Wake();
        return true;
    }

    public static JsonNode DeleteWebhook(MethodContext call)
    {
        var bot = call.Bot;
        if (call.Parameters.Bool("drop_pending_updates"))
        {
            bot.PendingUpdates.Clear();
        }

        bot.WebhookUrl = null;
        bot.WebhookSecret = null;
        return true;
    }

    public static JsonNode GetWebhookInfo(MethodContext call)
    {
        var bot = call.Bot;
        var info = new JsonObject
        {
            ["url"] = bot.WebhookUrl ?? "",
            ["has_custom_certificate"] = false,
            ["pending_update_count"] = bot.PendingUpdates.Count,
        };
        if (bot.WebhookUrl is not null)
        {
            info["max_connections"] = 40;
            info["ip_address"] = "127.0.0.1";
        }

        if (bot.WebhookLastErrorDate is { } date)
        {
            info["last_error_date"] = date;
            info["last_error_message"] = bot.WebhookLastErrorMessage;
        }

        return info;
    }

    /// <summary>An offset confirms every update below it; a negative offset keeps only the last -offset updates.</summary>
    private static void Confirm(State.BotState bot, long? offset)
    {
        if (offset is not { } o || o == 0)
        {
            return;
        }

        if (o < 0)
        {
            var keep = (int)Math.Min(-o, bot.PendingUpdates.Count);
            bot.PendingUpdates.RemoveRange(0, bot.PendingUpdates.Count - keep);
            return;
        }

        bot.PendingUpdates.RemoveAll(u => (long)u["update_id"]! < o);
    }

    private static JsonArray Take(State.BotState bot, int limit) =>
        new([.. bot.PendingUpdates.Take(limit).Select(u => u.DeepClone())]);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
