using System.Text.Json;
using System.Text.Json.Nodes;
using Repitbot.BotGateway.Integrations;
using Telegram.Bot.Types.ReplyMarkups;
using static Repitbot.BotGateway.Telegram.TelegramText;

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
            await ctx.ReplyAsync(ctx.T("notifications", Escape(ctx.User.Locale), Escape(ctx.User.TimeZone), Escape(ctx.User.Email ?? ctx.T("none"))),
                new InlineKeyboardMarkup(rows));
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await ctx.ReplyKeyAsync("service_unavailable");
        }
    }

    public async Task ToggleAsync(BotContext ctx, int index)
    {
        await ChangeAsync(ctx, preferences =>
        {
            var toggles = Toggles(preferences);
            if (index < toggles.Count)
            {
                var (parent, name) = Locate(preferences, toggles[index].Path);
                parent[name] = !toggles[index].Value;
            }
        });
        await ShowAsync(ctx, "");
    }

    /// <summary>Opts the user out of (or back into) one notification type, by its place in <see cref="NotificationTypeToggles.Types"/>.</summary>
    public async Task ToggleTypeAsync(BotContext ctx, int index)
    {
        if (index >= NotificationTypeToggles.Types.Count)
        {
            await ShowAsync(ctx, "");
            return;
        }

        await ChangeAsync(ctx, preferences => NotificationTypeToggles.Flip(preferences, NotificationTypeToggles.Types[index]));
        await ShowAsync(ctx, "");
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

        await ChangeAsync(ctx, preferences =>
        {
            // The notification service clears quiet hours when both are "".
            preferences["quietHoursFrom"] = off ? "" : words[0];
            preferences["quietHoursTo"] = off ? "" : words[1];
        });
        await ctx.ReplyKeyAsync("profile_saved");
    }

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

    private async Task ChangeAsync(BotContext ctx, Action<JsonObject> change)
    {
        try
        {
            var preferences = await notifications.GetPreferencesAsync(ctx.User!.Id, ctx.CancellationToken);
            change(preferences);
            await notifications.PutPreferencesAsync(ctx.User.Id, preferences, ctx.CancellationToken);
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await ctx.ReplyKeyAsync("service_unavailable");
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
