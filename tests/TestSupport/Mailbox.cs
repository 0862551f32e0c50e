using MimeKit;

namespace Repitbot.TestSupport;

/// <summary>The local SMTP server's Maildir: every message it accepted, one file each.</summary>
public static class Mailbox
{
    public static string NewMailFolder => Path.Combine(RepoPaths.Local, "mail", "new");

    /// <summary>All messages to <paramref name="address"/>, waiting up to <paramref name="timeout"/> for at least <paramref name="expected"/>.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, TimeSpan timeout, int expected = 1)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Read(address);
            if (found.Count >= expected || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }

    public static List<MimeMessage> Read(string address)
    {
        if (!Directory.Exists(NewMailFolder))
        {
            return [];
        }

        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(NewMailFolder))
        {
            // Cheap filter first: test addresses are unique, so most files are skipped unparsed.
            if (File.ReadAllText(file).Contains(address, StringComparison.OrdinalIgnoreCase))
            {
                messages.Add(MimeMessage.Load(file));
            }
        }

        return messages;
    }
}
