namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// The SMTP sink's Maildir, read file by file: each file is handed out once, with quoted-printable soft line
/// breaks undone, and its write time (when the SMTP server accepted the mail). A mail sent twice is two files.
/// </summary>
public sealed class MailFolder(string maildir)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Every mail written since <paramref name="since"/> not handed out before.</summary>
    public IEnumerable<(string Text, DateTimeOffset WrittenAt)> ReadNew(DateTimeOffset since)
    {
        var folder = new DirectoryInfo(Path.Combine(maildir, "new"));
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
            yield return (text.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal),
                new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
        }
    }
}
