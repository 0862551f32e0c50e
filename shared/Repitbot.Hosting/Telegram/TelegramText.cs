using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Repitbot.Hosting.Telegram;

/// <summary>
/// Bot API limits for every service that writes as the bot: texts are HTML-escaped where they come from users,
/// and cut to what Telegram accepts.
/// </summary>
public static partial class TelegramText
{
    /// <summary>sendMessage accepts 1–4096 characters of text after entities are parsed.</summary>
    public const int MessageLimit = 4096;
    public const int CaptionLimit = 1024;

    /// <summary>Escapes text for parse_mode HTML (only &lt;, &gt;, &amp; and " are special there).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>What a reader sees of a message: no tags, entities decoded.</summary>
    public static string ToPlain(string html) => WebUtility.HtmlDecode(Tags().Replace(html, string.Empty));

    /// <summary>
    /// One message that fits: a message that is too long would be refused for good, and cutting HTML could leave
    /// a tag open, which is refused too. So an overlong message loses its formatting and is cut as plain text
    /// (with an ellipsis), then re-escaped. Use <see cref="Split"/> where several messages may go out instead.
    /// </summary>
    public static string FitToLimit(string html)
    {
        var visible = ToPlain(html);
        if (visible.Length <= MessageLimit)
        {
            return html;
        }

        var cut = visible[..(MessageLimit - 1)] + "…";
        if (char.IsHighSurrogate(cut[^2]))
        {
            cut = cut[..^2] + "…";
        }

        return Escape(cut);
    }

    /// <summary>
    /// Splits at line ends so that tags (which never span lines here) stay balanced; a single line longer
    /// than the limit is cut, never inside an entity such as &amp;amp;.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit = MessageLimit)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (rest.Length > limit)
            {
                Flush(parts, current);
                var cut = SafeCut(rest, limit);
                parts.Add(rest[..cut]);
                rest = rest[cut..];
            }

            if (current.Length + rest.Length + 1 > limit)
            {
                Flush(parts, current);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(rest);
        }

        Flush(parts, current);
        return parts.Count == 0 ? [""] : parts;
    }

    /// <summary>Trims to the caption limit, ending with an ellipsis when anything was cut.</summary>
    public static string Trim(string text, int limit = CaptionLimit) =>
        text.Length <= limit ? text : text[..SafeCut(text, limit - 1)] + "…";

    private static int SafeCut(string text, int limit)
    {
        var cut = limit;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 10));
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && (semi < 0 || semi >= cut))
        {
            cut = amp; // The entity would be split: cut before it.
        }

        var open = text.LastIndexOf('<', cut - 1, Math.Min(cut, 10));
        if (open >= 0 && text.IndexOf('>', open) is var close && (close < 0 || close >= cut))
        {
            cut = open;
        }

        return Math.Max(cut, 1);
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        if (current.Length > 0)
        {
            parts.Add(current.ToString());
            current.Clear();
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
