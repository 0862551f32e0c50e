using Repitbot.TelegramStub.Api;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Methods;

/// <summary>One Bot API call being answered.</summary>
public sealed record MethodContext(BotState Bot, string Method, BotParameters Parameters, CancellationToken Cancellation)
{
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;
}
