using System.Text.Json;

namespace Repitbot.Notification.Delivery;

public sealed record NotificationView(Guid Id, Guid RecipientId, string Type, string Channel, string Status, string? Address,
    string? Subject, int Attempts, string? FailureReason, string? ProviderMessageId, DateTimeOffset OccurredAt,
    DateTimeOffset DueAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SentAt)
{
    public static NotificationView From(Delivery d) => new(d.Id, d.RecipientId, d.TemplateKey, Names.ChannelNames.Of(d.Channel),
        d.Status.ToString().ToLowerInvariant(), d.Address, d.Subject, d.Attempts, d.LastError, d.ProviderMessageId, d.OccurredAt,
        d.DueAt, d.CreatedAt, d.UpdatedAt, d.SentAt);
}

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total);

/// <summary>Send a template to one person or several; <c>Idempotency-Key</c> makes a resent request a no-op.</summary>
public sealed record SendRequest(string? Type, List<Guid>? RecipientIds, Dictionary<string, JsonElement>? Data, string? Channel);

public sealed record SendResponse(IReadOnlyList<Guid> NotificationIds);

/// <summary>Whom to test; empty means the caller.</summary>
public sealed record TestRequest(Guid? UserId);
