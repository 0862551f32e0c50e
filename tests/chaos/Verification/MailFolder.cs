using MimeKit;

namespace Repitbot.Chaos.Verification;

/// <summary>
/// The private SMTP server's Maildir. Each file is parsed once (recipients and Message-ID), so polling it every
/// second while hundreds of mails arrive stays cheap.
/// </summary>
public sealed class MailFolder(string folder)
{
    private readonly Dictionary<string, (string[] To, string MessageId)> _parsed = new(StringComparer.Ordinal);

    /// <summary>Mail of earlier runs goes: every scenario counts its own unique addresses, and reading old files costs time.</summary>
    public void Clear()
    {
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>For each address asked about: how many mail files reached it and how many distinct Message-IDs they carry.</summary>
    public Dictionary<string, (int Files, int Distinct)> CountFor(IReadOnlyCollection<string> addresses)
    {
        var files = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            files[address] = [];
        }

        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (Parse(file) is not { } mail)
                {
                    continue;
                }

                foreach (var to in mail.To)
                {
                    if (files.TryGetValue(to, out var ids))
                    {
                        ids.Add(mail.MessageId);
                    }
                }
            }
        }

        return files.ToDictionary(kv => kv.Key, kv => (kv.Value.Count, kv.Value.Distinct(StringComparer.Ordinal).Count()), StringComparer.OrdinalIgnoreCase);
    }

    private (string[] To, string MessageId)? Parse(string file)
    {
        lock (_parsed)
        {
            if (_parsed.TryGetValue(file, out var known))
            {
                return known;
            }
        }

        try
        {
            var message = MimeMessage.Load(file);
            var parsed = (message.To.Mailboxes.Select(m => m.Address).ToArray(), message.MessageId ?? Path.GetFileName(file));
            lock (_parsed)
            {
                _parsed[file] = parsed;
            }

            return parsed;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            // Still being written by the server (Maildir moves complete files into new/, but be safe): next poll.
            return null;
        }
    }
}
