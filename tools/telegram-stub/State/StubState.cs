using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Repitbot.TelegramStub.State;

/// <summary>The bots the stub serves, looked up by token.</summary>
public sealed partial class StubState(TelegramStubOptions options)
{
    private readonly ConcurrentDictionary<string, BotState> bots = new(StringComparer.Ordinal);

    public TelegramStubOptions Options => options;

    public static bool IsWellFormed(string token) => TokenShape().IsMatch(token);

    /// <summary>The bot for a token, or null when the real API would answer 401 (or 404 for a malformed token).</summary>
    public BotState? Find(string token)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        if (!options.AcceptAnyToken && !options.Tokens.Contains(token, StringComparer.Ordinal))
        {
            return null;
        }

        return bots.GetOrAdd(token, t => new BotState(t, options));
    }

    /// <summary>The bot for a token the test names, created even when unknown to the API side.</summary>
    public BotState Get(string token) =>
        IsWellFormed(token) ? bots.GetOrAdd(token, t => new BotState(t, options)) : throw new ArgumentException("A bot token looks like 123456:ABC-def.", nameof(token));

    public IEnumerable<BotState> All => bots.Values;

    public void Reset()
    {
        foreach (var bot in bots.Values)
        {
            lock (bot.Sync)
            {
                bot.ResetAll();
            }
        }
    }

    [GeneratedRegex(@"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex TokenShape();
}
