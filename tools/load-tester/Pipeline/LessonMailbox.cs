using System.Text.RegularExpressions;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Reads the SMTP sink's Maildir for the mails of one run. Each lesson's subject is <c>pl-RUN-LESSONID</c>,
/// which the lesson template prints in the body; the file's write time is when the SMTP server accepted it.
/// Each file is read once, so a lesson mailed twice shows as two files and is counted twice.
/// </summary>
public sealed partial class LessonMailbox(string maildir, string runId)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public string Subject(Guid lessonId) => $"pl-{runId}-{lessonId:N}";

    /// <summary>Hands every new mail of this run written since <paramref name="since"/> to <paramref name="ledger"/>.</summary>
    public int Scan(MailLedger ledger, DateTimeOffset since)
    {
        var folder = new DirectoryInfo(Path.Combine(maildir, "new"));
        var found = 0;
        foreach (var file in folder.EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < since.UtcDateTime || _seen.Contains(file.Name))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file.FullName);
            }
            catch (FileNotFoundException)
            {
                continue; // someone else's test cleaned up its mail
            }

            _seen.Add(file.Name);
            foreach (Match match in Marker().Matches(text.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)))
            {
                if (match.Groups["run"].Value == runId)
                {
                    ledger.Delivered(Guid.ParseExact(match.Groups["lesson"].Value, "N"), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
                    found++;
                    break; // plain text and HTML parts carry the same marker: one mail is one delivery
                }
            }
        }

        return found;
    }

    [GeneratedRegex("pl-(?<run>[0-9a-f]{8})-(?<lesson>[0-9a-f]{32})")]
    private static partial Regex Marker();
}
