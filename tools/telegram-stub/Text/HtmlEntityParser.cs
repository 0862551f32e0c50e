using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Repitbot.TelegramStub.Api;

namespace Repitbot.TelegramStub.Text;

/// <summary>
/// Parses Bot API "HTML" formatting into plain text plus entities, with the tags and character references the
/// Bot API allows. Offsets and lengths are UTF-16 code units, as in the API. Errors read like the API's own.
/// </summary>
public static partial class HtmlEntityParser
{
    private sealed record Open(string Tag, string Type, int Offset, JsonObject Extra);

    public static (string Text, JsonArray Entities) Parse(string html)
    {
        var text = new StringBuilder();
        var entities = new List<JsonObject>();
        var stack = new Stack<Open>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                i = ReadReference(html, i, text);
            }
            else if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    throw Fail($"Unclosed start tag at byte offset {ByteOffset(html, i)}");
                }

                var inner = html[(i + 1)..end];
                if (inner.StartsWith('/'))
                {
                    CloseTag(html, i, inner[1..].Trim().ToLowerInvariant(), stack, entities, text.Length);
                }
                else
                {
                    stack.Push(OpenTag(html, i, inner, stack, text.Length));
                }

                i = end + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        if (stack.Count > 0)
        {
            throw Fail($"Can't find end tag corresponding to start tag \"{stack.Peek().Tag}\"");
        }

        var ordered = entities.Where(e => (int)e["length"]! > 0).OrderBy(e => (int)e["offset"]!).ThenByDescending(e => (int)e["length"]!);
        return (text.ToString(), new JsonArray([.. ordered]));
    }

    private static Open OpenTag(string html, int at, string inner, Stack<Open> stack, int offset)
    {
        var match = TagShape().Match(inner);
        if (!match.Success)
        {
            throw Fail($"Unsupported start tag \"{inner}\" at byte offset {ByteOffset(html, at)}");
        }

        var tag = match.Groups[1].Value.ToLowerInvariant();
        var attributes = Attributes(match.Groups[2].Value);
        var extra = new JsonObject();
        var type = tag switch
        {
            "b" or "strong" => "bold",
            "i" or "em" => "italic",
            "u" or "ins" => "underline",
            "s" or "strike" or "del" => "strikethrough",
            "tg-spoiler" => "spoiler",
            "span" when attributes.GetValueOrDefault("class") == "tg-spoiler" => "spoiler",
            "a" when attributes.TryGetValue("href", out var href) => Link(href, extra),
            "code" => "code",
            "pre" => "pre",
            "blockquote" => attributes.ContainsKey("expandable") ? "expandable_blockquote" : "blockquote",
            "tg-emoji" when attributes.TryGetValue("emoji-id", out var emojiId) => Set(extra, "custom_emoji_id", emojiId, "custom_emoji"),
            _ => throw Fail($"Unsupported start tag \"{tag}\" at byte offset {ByteOffset(html, at)}"),
        };

        // <pre><code class="language-x"> gives the pre entity a language instead of a nested code entity.
        if (type == "code" && stack.TryPeek(out var parent) && parent.Type == "pre" && parent.Offset == offset
            && attributes.TryGetValue("class", out var cls) && cls.StartsWith("language-", StringComparison.Ordinal))
        {
            parent.Extra["language"] = cls["language-".Length..];
            return new Open(tag, "", offset, extra);
        }

        return new Open(tag, type, offset, extra);
    }

    private static void CloseTag(string html, int at, string tag, Stack<Open> stack, List<JsonObject> entities, int offset)
    {
        if (!stack.TryPop(out var open))
        {
            throw Fail($"Unexpected end tag at byte offset {ByteOffset(html, at)}");
        }

        if (open.Tag != tag)
        {
            throw Fail($"Unmatched end tag at byte offset {ByteOffset(html, at)}, expected \"</{open.Tag}>\", found \"</{tag}>\"");
        }

        if (open.Type.Length == 0)
        {
            return;
        }

        var entity = new JsonObject { ["type"] = open.Type, ["offset"] = open.Offset, ["length"] = offset - open.Offset };
        foreach (var (key, value) in open.Extra)
        {
            entity[key] = value?.DeepClone();
        }

        entities.Add(entity);
    }

    private static string Link(string href, JsonObject extra) =>
        href.StartsWith("tg://user?id=", StringComparison.Ordinal)
            ? Set(extra, "user", new JsonObject { ["id"] = long.Parse(href[13..], CultureInfo.InvariantCulture), ["is_bot"] = false, ["first_name"] = "User" }, "text_mention")
            : Set(extra, "url", href, "text_link");

    private static string Set(JsonObject extra, string key, JsonNode value, string type)
    {
        extra[key] = value;
        return type;
    }

    private static Dictionary<string, string> Attributes(string source)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in AttributeShape().Matches(source))
        {
            var raw = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value;
            var decoded = new StringBuilder();
            for (var i = 0; i < raw.Length;)
            {
                i = raw[i] == '&' ? ReadReference(raw, i, decoded) : Append(decoded, raw[i], i);
            }

            result[m.Groups[1].Value] = decoded.ToString();
        }

        return result;
    }

    private static int Append(StringBuilder sb, char c, int i)
    {
        sb.Append(c);
        return i + 1;
    }

    /// <summary>Reads &lt; &gt; &amp; &quot; and numeric references; an ampersand that starts none of them stays literal.</summary>
    private static int ReadReference(string s, int at, StringBuilder text)
    {
        var m = Reference().Match(s, at);
        if (!m.Success || m.Index != at)
        {
            text.Append('&');
            return at + 1;
        }

        var name = m.Groups[1].Value;
        var value = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            _ when name.StartsWith("#x", StringComparison.OrdinalIgnoreCase) => char.ConvertFromUtf32(int.Parse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
            _ when name.StartsWith('#') => char.ConvertFromUtf32(int.Parse(name[1..], CultureInfo.InvariantCulture)),
            _ => throw Fail($"Unsupported HTML entity \"&{name};\" at byte offset {ByteOffset(s, at)}"),
        };
        text.Append(value);
        return at + m.Length;
    }

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    private static BotApiException Fail(string what) => BotApiException.BadRequest("can't parse entities: " + what);

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'>]+))?)*)\s*/?$")]
    private static partial Regex TagShape();

    [GeneratedRegex(@"([a-zA-Z-]+)(?:\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s""'>]+)))?")]
    private static partial Regex AttributeShape();

    [GeneratedRegex(@"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")]
    private static partial Regex Reference();
}
