namespace Repitbot.Notification.Planning;

/// <summary>Tunable parts of the default rules (section Rules).</summary>
public sealed class RuleOptions
{
    /// <summary>How long before a lesson reminders go out; null means 24 h and 1 h.</summary>
    public TimeSpan[]? ReminderOffsets { get; set; }

    public IReadOnlyList<TimeSpan> Reminders => ReminderOffsets is { Length: > 0 } offsets
        ? offsets
        : [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];
}
