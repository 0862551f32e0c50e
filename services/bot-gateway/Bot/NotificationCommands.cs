using System.Text.Json;
using System.Text.Json.Nodes;
using Repitbot.BotGateway.Integrations;
using Telegram.Bot.Types.ReplyMarkups;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>
/// /notifications: the notification service's preferences, every on/off setting (channels, notification types)
/// as a toggle button, quiet hours through /quiet, language, time zone and e-mail through the profile commands,
/// and "🧪 Тестовое уведомление".
/// </summary>
public sealed partial class NotificationCommands(NotificationClient notifications, ILogger<NotificationCommands> logger)
{
    public async Task ShowAsync(BotContext ctx, string args)
    {
        try
        {
            var preferences = await notifications.GetPreferencesAsync(ctx.User!.Id, ctx.CancellationToken);
            var channels = Toggles(preferences).Select((t, i) => new[]
            {
                InlineKeyboardButton.WithCallbackData($"{(t.Value ? "✅" : "⬜")} {Label(ctx, t.Path)}", $"nt:{i}"),
            });
            var optedOut = NotificationTypeToggles.OptedOut(preferences);
            var types = NotificationTypeToggles.Types.Select((type, i) => InlineKeyboardButton.WithCallbackData(
                $"{(optedOut.Contains(type) ? "🔕" : "🔔")} {ctx.T("ntype_" + type)}", $"ntt:{i}")).Chunk(2);
            var rows = channels.Concat(types).Append([InlineKeyboardButton.WithCallbackData(ctx.T("btn_test"), "ntest:0")]);
            await ctx.ReplyAsync(ctx.T("notifications", ctx.T("language_name"), Escape(ctx.User.TimeZone), Escape(ctx.User.Email ?? ctx.T("none")),
                QuietHoursText(ctx, preferences)), new InlineKeyboardMarkup(rows));
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await ctx.ReplyKeyAsync("service_unavailable");
        }
    }

    public async Task ToggleAsync(BotContext ctx, int index)
    {
        var saved = await ChangeAsync(ctx, preferences =>
        {
            var toggles = Toggles(preferences);
            if (index < toggles.Count)
            {
                var (parent, name) = Locate(preferences, toggles[index].Path);
                parent[name] = !toggles[index].Value;
            }
        });
        if (saved is not null)
        {
            await ShowAsync(ctx, "");
        }
    }

    /// <summary>Opts the user out of (or back into) one notification type, by its place in <see cref="NotificationTypeToggles.Types"/>.</summary>
    public async Task ToggleTypeAsync(BotContext ctx, int index)
    {
        if (index >= NotificationTypeToggles.Types.Count)
        {
            await ShowAsync(ctx, "");
            return;
        }

        if (await ChangeAsync(ctx, preferences => NotificationTypeToggles.Flip(preferences, NotificationTypeToggles.Types[index])) is not null)
        {
            await ShowAsync(ctx, "");
        }
    }

    /// <summary>A setting's name in the user's language; an unknown one (a newer notification service) by its path.</summary>
    private static string Label(BotContext ctx, string path) =>
        ctx.T("pref_" + path) is var label && label != "pref_" + path ? label : Escape(path);

    /// <summary>/quiet 22:00 08:00 or /quiet off.</summary>
    public async Task QuietAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        var off = words is ["off"] or ["выкл"];
        if (!off && (words.Length != 2 || !words.All(w => TimeOnly.TryParseExact(w, "H:mm", out _))))
        {
            await ctx.ShowFormAsync("form_quiet");
            return;
        }

        var saved = await ChangeAsync(ctx, preferences =>
        {
            // The notification service clears quiet hours when both are "".
            preferences["quietHoursFrom"] = off ? "" : Normalized(words[0]);
            preferences["quietHoursTo"] = off ? "" : Normalized(words[1]);
        });
        if (saved is not null)
        {
            await ctx.ReplyAsync("✅ " + QuietHoursText(ctx, saved));
        }
    }

    /// <summary>"Тихие часы: 23:00–07:00 (Europe/Moscow)" from the preferences as stored, or that there are none.</summary>
    private static string QuietHoursText(BotContext ctx, JsonObject preferences)
    {
        var from = Text(preferences["quietHoursFrom"]);
        var to = Text(preferences["quietHoursTo"]);
        return string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to) || from == to
            ? ctx.T("quiet_none")
            : ctx.T("quiet_hours", Escape(from), Escape(to), Escape(Text(preferences["timeZone"]) ?? ctx.TimeZone));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>"9:00" as "09:00", the way the notification service stores and shows it.</summary>
    private static string Normalized(string time) =>
        TimeOnly.ParseExact(time, "H:mm", System.Globalization.CultureInfo.InvariantCulture).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task TestAsync(BotContext ctx)
    {
        try
        {
            await notifications.SendTestAsync(ctx.User!.Id, ctx.CancellationToken);
            await ctx.ReplyKeyAsync("test_requested");
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await ctx.ReplyKeyAsync("service_unavailable");
        }
    }

    /// <summary>The preferences as the notification service stored them, or null once the user was told it could not be asked.</summary>
    private async Task<JsonObject?> ChangeAsync(BotContext ctx, Action<JsonObject> change)
    {
        try
        {
            var preferences = await notifications.GetPreferencesAsync(ctx.User!.Id, ctx.CancellationToken);
            change(preferences);
            return await notifications.PutPreferencesAsync(ctx.User.Id, preferences, ctx.CancellationToken) ?? preferences;
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await ctx.ReplyKeyAsync("service_unavailable");
            return null;
        }
    }

    /// <summary>Every boolean in the preferences document, in document order, by its dotted path.</summary>
    private static List<(string Path, bool Value)> Toggles(JsonObject node, string prefix = "")
    {
        var found = new List<(string, bool)>();
        foreach (var (name, value) in node)
        {
            var path = prefix + name;
            if (value is JsonObject child)
            {
                found.AddRange(Toggles(child, path + "."));
            }
            else if (value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                found.Add((path, value.GetValue<bool>()));
            }
        }

        return found;
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject root, string path)
    {
        var names = path.Split('.');
        var parent = root;
        foreach (var name in names[..^1])
        {
            parent = parent[name]!.AsObject();
        }

        return (parent, names[^1]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification could not be asked")]
    private partial void LogUnavailable(Exception exception);
}
