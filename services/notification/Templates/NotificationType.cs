namespace Repitbot.Notification.Templates;

public enum Priority { Normal, Low }

/// <summary>Which channels a rule uses.</summary>
public enum ChannelPolicy
{
    /// <summary>Telegram when the person can get it there, else e-mail; e-mail is the fallback.</summary>
    Preferred,
    /// <summary>Every enabled channel (receipts: a record in the mailbox and a message in the chat).</summary>
    All,
}

public sealed record TemplateVariable(string Name, string Description, object? Sample);

/// <summary>A kind of notification: its template variables and how it is delivered.</summary>
public sealed record NotificationType(string Key, string Description, IReadOnlyList<TemplateVariable> Variables,
    Priority Priority = Priority.Normal, ChannelPolicy Channels = ChannelPolicy.Preferred)
{
    public Dictionary<string, object?> SampleData() => Variables.ToDictionary(v => v.Name, v => v.Sample);
}
