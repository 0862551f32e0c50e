using System.Globalization;
using System.Text.RegularExpressions;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Finds the mails of one mixed run in the SMTP sink's Maildir, each under the key its arrival expected:
/// completed and scheduled lessons and homework by the <c>pl-RUN-ID</c> marker their subject or title prints;
/// a payment by its amount (unique in the run: <see cref="PaymentKey"/>), mailed to one of the run's students;
/// a reminder by its student (each scheduled lesson of a step has its own) and the step whose burst it follows,
/// the latest burst due at or before the mail was written (<see cref="ReminderKey"/>).
/// </summary>
public sealed partial class MixedMailbox(string maildir, string runId)
{
    private readonly MailFolder _folder = new(maildir);
    private readonly LessonMailbox _markers = new(maildir, runId);
    private readonly SortedList<DateTimeOffset, int> _bursts = [];

    public string Subject(Guid id) => _markers.Subject(id);

    /// <summary>The address of the run's student <paramref name="who"/>: a number, or "rN" for a reminder student.</summary>
    public string Address(string who) => $"pipeline-{runId}-{who}@load.repitbot.local";

    public static string PaymentKey(long amountMinor) => $"payment:{amountMinor.ToString(CultureInfo.InvariantCulture)}";

    public static string ReminderKey(string who, int step) => $"reminder:{who}:{step.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The reminders of <paramref name="step"/> fall due at <paramref name="dueAt"/>.</summary>
    public void Burst(int step, DateTimeOffset dueAt)
    {
        lock (_bursts)
        {
            _bursts[dueAt] = step;
        }
    }

    public int Scan(MailLedger ledger, DateTimeOffset since)
    {
        var found = 0;
        foreach (var (text, writtenAt) in _folder.ReadNew(since))
        {
            if (KeyOf(text, writtenAt) is { } key)
            {
                ledger.Delivered(key, writtenAt);
                found++;
            }
        }

        return found;
    }

    /// <summary>The ledger key of one mail, or null when it is not one this run follows (another run's, a balance warning).</summary>
    public string? KeyOf(string text, DateTimeOffset writtenAt)
    {
        if (_markers.MarkerOf(text) is { } marked)
        {
            return marked;
        }

        var recipient = Recipient().Match(text);
        if (!recipient.Success || recipient.Groups["run"].Value != runId)
        {
            return null;
        }

        if (Payment().Match(text) is { Success: true } payment)
        {
            var units = payment.Groups["units"].Value.Replace(",", "", StringComparison.Ordinal);
            return long.TryParse(units + payment.Groups["cents"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
                ? PaymentKey(minor)
                : null;
        }

        if (Reminder().IsMatch(text))
        {
            lock (_bursts)
            {
                var step = _bursts.LastOrDefault(b => b.Key <= writtenAt, new KeyValuePair<DateTimeOffset, int>(default, int.MinValue)).Value;
                // A reminder written before any burst was due cannot be one of this run's: the ledger counts it unknown.
                return ReminderKey(recipient.Groups["who"].Value, step);
            }
        }

        return null;
    }

    [GeneratedRegex(@"pipeline-(?<run>[0-9a-f]{8})-(?<who>[0-9a-z]+)@load\.repitbot\.local")]
    private static partial Regex Recipient();

    // en: "We received ₽2,000.00 from you" (MoneyText.Format); the student reads "from you".
    [GeneratedRegex(@"We received \D{0,8}(?<units>[0-9][0-9,]*)\.(?<cents>[0-9]{2}) from you")]
    private static partial Regex Payment();

    // en: "In 0 h: your lesson on 7 December 2026, 01:30." (hours_before of a 30 s lead rounds to 0).
    [GeneratedRegex(@"In [0-9.]+ h: your lesson on")]
    private static partial Regex Reminder();
}
