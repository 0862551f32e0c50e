namespace Repitbot.BotGateway.Tests.Support;

/// <summary>The bot against a stand-in that keeps Telegram's limits (one message a second per chat), pacing itself.</summary>
public sealed class PacedBotFactory() : BotFactory(telegramLimits: true);
