using Repitbot.Chaos.Traffic;

namespace Repitbot.Chaos.Verification;

/// <summary>
/// What the accepted events must become, by the notification service's documented rules: lessons and homework go to
/// Telegram when the student has a working chat, else by e-mail; payment receipts go to every channel; a chat that
/// blocked the bot gets nothing there and its messages fall back to e-mail.
/// </summary>
public sealed class Expectations(IReadOnlyList<SentEvent> accepted, IReadOnlySet<long> blockedChats)
{
    public IReadOnlyList<SentEvent> Accepted { get; } = accepted;

    public int Count(EventKind kind) => Accepted.Count(e => e.Planned.Kind == kind);

    public long RevenueMinor => Accepted.Where(e => e.Planned.Kind == EventKind.PaymentReceived).Sum(e => e.Planned.AmountMinor);

    public Dictionary<string, int> EmailsByAddress(IEnumerable<Student> students) =>
        students.ToDictionary(s => s.Email, s => Accepted.Count(e => e.Planned.Student == s && (e.Planned.Kind == EventKind.PaymentReceived || !HasWorkingChat(s))),
            StringComparer.OrdinalIgnoreCase);

    public Dictionary<long, int> TelegramByChat(IEnumerable<Student> students) =>
        students.Where(s => s.ChatId is not null).ToDictionary(s => s.ChatId!.Value, s => HasWorkingChat(s) ? Accepted.Count(e => e.Planned.Student == s) : 0);

    private bool HasWorkingChat(Student student) => student.ChatId is { } chat && !blockedChats.Contains(chat);
}
