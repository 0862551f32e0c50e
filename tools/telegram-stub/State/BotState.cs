using System.Text.Json.Nodes;

namespace Repitbot.TelegramStub.State;

/// <summary>Everything the stub knows about one bot token. All members are guarded by <see cref="Sync"/>.</summary>
public sealed class BotState(string token, TelegramStubOptions options)
{
    public object Sync { get; } = new();
    public string Token { get; } = token;
    public long BotId { get; } = long.Parse(token[..token.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    public TelegramStubOptions Options { get; } = options;

    public Dictionary<long, ChatEntry> Chats { get; } = [];
    public Dictionary<string, StoredFile> Files { get; } = [];
    public List<JsonObject> PendingUpdates { get; } = [];
    public HashSet<string> OpenCallbackQueries { get; } = [];
    public List<RecordedCall> Calls { get; } = [];
    public List<Fault> Faults { get; } = [];
    public Dictionary<long, SlidingWindowLimiter> ChatLimiters { get; } = [];
    public SlidingWindowLimiter GlobalLimiter { get; } = new(options.GlobalLimit, options.RateWindow);

    // Real update ids start at an arbitrary large number; tests only rely on them increasing.
    // Telegram's update ids keep rising across a bot's life; a restarted stand-in must not hand out ids a
    // service has already seen (and stored as processed), so each instance starts somewhere new.
    public long LastUpdateId { get; set; } = Random.Shared.Next(100_000_000, 2_000_000_000);
    public long CallSequence { get; set; }
    public int FileSequence { get; set; }
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }
    public long? WebhookLastErrorDate { get; set; }
    public string? WebhookLastErrorMessage { get; set; }
    public CancellationTokenSource? PendingPoll { get; set; }
    public StubCounters Counters { get; } = new();
    public JsonArray Commands { get; set; } = [];

    /// <summary>Completed (and replaced) whenever an update is queued, to wake long polls and the webhook sender.</summary>
    public TaskCompletionSource UpdateSignal { get; private set; } = NewSignal();

    public JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = Options.BotFirstName,
        ["username"] = Options.BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    public void Enqueue(JsonObject update)
    {
        PendingUpdates.Add(update);
        var signal = UpdateSignal;
        UpdateSignal = NewSignal();
        signal.TrySetResult();
    }

    /// <summary>Wakes the webhook sender without queueing anything (a webhook was just set).</summary>
    public void Wake()
    {
        var signal = UpdateSignal;
        UpdateSignal = NewSignal();
        signal.TrySetResult();
    }

    public long NextUpdateId() => ++LastUpdateId;

    public ChatEntry GetOrAddChat(long id, string? firstName = null, string? username = null, string type = "private", string? title = null)
    {
        if (!Chats.TryGetValue(id, out var chat))
        {
            chat = new ChatEntry { Id = id, FirstName = firstName ?? "Test", Username = username, Type = type, Title = title };
            Chats[id] = chat;
        }

        return chat;
    }

    public StoredFile AddFile(string folder, byte[] content, string? fileName, string? mimeType, string extension)
    {
        var n = ++FileSequence;
        var id = $"{folder[..3].ToUpperInvariant()}{BotId}_{n}_{Guid.NewGuid():N}";
        var file = new StoredFile(id, $"U{n}{Guid.NewGuid():N}"[..16], $"{folder}/file_{n}{extension}", content, fileName, mimeType);
        Files[id] = file;
        return file;
    }

    public void ResetAll()
    {
        Chats.Clear();
        Files.Clear();
        PendingUpdates.Clear();
        OpenCallbackQueries.Clear();
        Calls.Clear();
        Faults.Clear();
        ChatLimiters.Clear();
        GlobalLimiter.Clear();
        WebhookUrl = null;
        WebhookSecret = null;
        WebhookLastErrorDate = null;
        WebhookLastErrorMessage = null;
        Counters.Reset();
        Commands = [];
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
