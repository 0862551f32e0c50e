using System.Text.RegularExpressions;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Finds the mails of one run in the SMTP sink's Maildir. Each lesson's subject is <c>pl-RUN-LESSONID</c>,
/// which the lesson template prints in the body; the file's write time is when the SMTP server accepted it.
/// Each file is read once, so a lesson mailed twice shows as two files and is counted twice.
/// </summary>
public sealed partial class LessonMailbox(string maildir, string runId)
{
    private readonly MailFolder _folder = new(maildir);

    public string RunId => runId;

    public string Subject(Guid lessonId) => $"pl-{runId}-{lessonId:N}";

    /// <summary>Hands every new mail of this run written since <paramref name="since"/> to <paramref name="ledger"/>.</summary>
    public int Scan(MailLedger ledger, DateTimeOffset since)
    {
        var found = 0;
        foreach (var (text, writtenAt) in _folder.ReadNew(since))
        {
            if (MarkerOf(text) is { } key)
            {
                ledger.Delivered(key, writtenAt);
                found++;
            }
        }

        return found;
    }

    /// <summary>
    /// The ledger key (the id, as <see cref="MailLedger.Key"/>) of the first marker of this run in a mail, or null.
    /// Plain text and HTML parts carry the same marker: one mail is one delivery.
    /// </summary>
    public string? MarkerOf(string text)
    {
        foreach (Match match in Marker().Matches(text))
        {
            if (match.Groups["run"].Value == runId)
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex("pl-(?<run>[0-9a-f]{8})-(?<id>[0-9a-f]{32})")]
    private static partial Regex Marker();
}
