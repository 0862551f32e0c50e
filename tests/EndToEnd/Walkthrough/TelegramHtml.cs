using System.Net;
using System.Text.RegularExpressions;

namespace Repitbot.EndToEnd.Walkthrough;

/// <summary>Telegram's HTML parse mode as a reader sees it: tags gone, entities decoded.</summary>
public static partial class TelegramHtml
{
    public static string ToPlain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
