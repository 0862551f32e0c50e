using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>Another service asks for a template to be sent; its idempotency key makes a resent command a no-op.</summary>
public sealed class SendNotificationConsumer(NotificationPlanner planner, ILogger<SendNotificationConsumer> logger)
    : IConsumer<SendNotification>
{
    public async Task Consume(ConsumeContext<SendNotification> context)
    {
        var c = context.Message;
        if (NotificationTypes.Find(c.TemplateKey) is null)
        {
            // Retrying cannot make an unknown template known; say so and drop it.
            Log.UnknownTemplate(logger, c.TemplateKey, c.IdempotencyKey);
            return;
        }

        await planner.PlanAsync(new PlannedNotification(c.IdempotencyKey, c.TemplateKey, context.SentTime ?? DateTime.UtcNow, [c.RecipientId],
            _ => c.Data.ToDictionary(d => d.Key, d => (object?)d.Value)) { Channel = c.Channel }, context.CancellationToken);
    }
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Warning, "SendNotification {IdempotencyKey} names unknown template {TemplateKey}; dropped.")]
    public static partial void UnknownTemplate(ILogger logger, string templateKey, string idempotencyKey);
}
