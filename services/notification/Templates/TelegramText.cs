using System.Net;
using System.Text.RegularExpressions;

namespace Repitbot.Notification.Templates;

/// <summary>The Bot API's limits on a message's text.</summary>
public static partial class TelegramText
{
    /// <summary>sendMessage accepts 1–4096 characters of text after entities are parsed.</summary>
    public const int MaxLength = 4096;

    /// <summary>
    /// A message that is too long would be refused for good; cutting HTML could leave a tag open, which is
    /// refused too. So an overlong message loses its formatting and is cut as plain text, then re-escaped.
    /// </summary>
    public static string FitToLimit(string html)
    {
        var visible = WebUtility.HtmlDecode(Tags().Replace(html, string.Empty));
        if (visible.Length <= MaxLength)
        {
            return html;
        }

        var cut = visible.Length > MaxLength - 1 ? visible[..(MaxLength - 1)] + "…" : visible;
        if (char.IsHighSurrogate(cut[^2]))
        {
            cut = cut[..^2] + "…";
        }

        return Escape(cut);
    }

    /// <summary>What a reader sees of a message: no tags, entities decoded.</summary>
    public static string ToPlain(string html) => WebUtility.HtmlDecode(Tags().Replace(html, string.Empty));

    /// <summary>The three characters the Bot API's HTML mode requires escaped.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
