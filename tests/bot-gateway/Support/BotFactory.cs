using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Repitbot.BotGateway.Telegram;
using Repitbot.TelegramStub;

namespace Repitbot.BotGateway.Tests.Support;

/// <summary>
/// The bot gateway in webhook mode against the Telegram stand-in. Simulated users act in the stand-in, and
/// the test posts the resulting update to /telegram/webhook itself (the stand-in cannot reach an in-process
/// host), so each step is fully handled when the post returns.
/// </summary>
public class BotFactory : BotGatewayFactory
{
    public const string Secret = "test-telegram-secret_0123";
    private readonly bool _telegramLimits;
    // The limiter's Redis keys of this host alone: other tests' chats never share its slots.
    private readonly string _paceKey = $"test:{Guid.NewGuid():N}";

    public BotFactory()
        : this(telegramLimits: false)
    {
    }

    /// <param name="telegramLimits">The stand-in keeps Telegram's limits (1 message a second per chat) and the
    /// bot its pace; otherwise both are lifted so that scenarios run at full speed.</param>
    protected BotFactory(bool telegramLimits)
    {
        _telegramLimits = telegramLimits;
        // The stand-in is synchronous to start from here because the host is built from ConfigureWebHost.
        Stub = TelegramApiStub.StartAsync(o =>
        {
            if (!telegramLimits)
            {
                o.PerChatLimit = 1000;
                o.GlobalLimit = 1000;
            }
        }).GetAwaiter().GetResult();
        // update_id (an int in Telegram.Bot) is unique in the dedupe table, which outlives this stand-in: start somewhere new.
        Stub.State.Get(Stub.Token).LastUpdateId = Random.Shared.Next(200_000_000, 2_000_000_000);
    }

    public TelegramStubServer Stub { get; }

    public static long NewTelegramUserId() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    /// <summary>Posts an update as Telegram would in webhook mode.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(JsonObject update, string? secret = Secret)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramOptions.SecretHeader, secret);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A user writes <paramref name="text"/>; the answer is every message the bot sent them in return.</summary>
    public async Task<string> SayAsync(long userId, string text, string firstName = "Test")
    {
        var before = Stub.Calls("sendMessage", userId).Count;
        var response = await DeliverAsync(Stub.UserSendsText(userId, text, firstName));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return RepliesSince(userId, before);
    }

    /// <summary>A user presses the button carrying <paramref name="data"/> on the latest bot message that has it.</summary>
    public async Task<string> PressAsync(long userId, string data)
    {
        var bot = Stub.State.Get(Stub.Token);
        int messageId;
        lock (bot.Sync)
        {
            messageId = bot.Chats[userId].Messages.Where(m => m.Value.ToJsonString().Contains($"\"{data}\"", StringComparison.Ordinal))
                .Select(m => m.Key).DefaultIfEmpty(0).Max();
        }

        Assert.True(messageId > 0, $"No message to {userId} has a button with data {data}.");
        var before = Stub.Calls("sendMessage", userId).Count;
        var response = await DeliverAsync(Stub.UserPressesButton(userId, messageId, data));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return RepliesSince(userId, before);
    }

    /// <summary>Callback data of the buttons on the bot's last message to <paramref name="userId"/>.</summary>
    public IReadOnlyList<string> LastButtons(long userId)
    {
        var last = Stub.Calls("sendMessage", userId)[^1];
        return last.Parameters["reply_markup"] is { } markup
            ? (markup is JsonValue v ? JsonNode.Parse(v.GetValue<string>())! : markup)["inline_keyboard"]!.AsArray()
                .SelectMany(row => row!.AsArray()).Select(b => b!["callback_data"]!.GetValue<string>()).ToList()
            : [];
    }

    /// <summary>The newest message in the chat with <paramref name="userId"/>, whoever wrote it.</summary>
    public int LastMessageId(long userId)
    {
        var bot = Stub.State.Get(Stub.Token);
        lock (bot.Sync)
        {
            return bot.Chats[userId].Messages.Keys.Max();
        }
    }

    public async Task<Guid> UserIdAsync(long telegramUserId)
    {
        await using var command = Database.CreateCommand("SELECT id FROM bot_gateway.users WHERE telegram_user_id = $1");
        command.Parameters.AddWithValue(telegramUserId);
        return (Guid)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No user {telegramUserId}."));
    }

    private string RepliesSince(long userId, int before) => string.Join("\n---\n",
        Stub.Calls("sendMessage", userId).Skip(before).Select(c => WebUtility.HtmlDecode(c.Parameters["text"]!.GetValue<string>())));

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        base.ConfigureTestServices(builder);
        builder.UseSetting("Telegram:Mode", "webhook");
        builder.UseSetting("Telegram:BotToken", Stub.Token);
        builder.UseSetting("Telegram:ApiBaseUrl", Stub.BaseUrl);
        builder.UseSetting("Telegram:WebhookSecret", Secret);
        // No service credentials: /analytics and /notifications must say the service is unavailable, not fail.
        builder.UseSetting("Auth:ClientId", "");
        builder.UseSetting("TelegramPace:Key", _paceKey);
        if (!_telegramLimits)
        {
            builder.UseSetting("TelegramPace:ChatLimit", "1000");
            builder.UseSetting("TelegramPace:GlobalLimit", "10000");
        }
    }

    /// <summary>The limiter's Redis key prefix this host paces with.</summary>
    public string PaceKey => _paceKey;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stub.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
