using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Repitbot.BotGateway.Telegram;
using Repitbot.Hosting.Telegram;

namespace Repitbot.BotGateway.Tests;

public sealed class TelegramTextTests
{
    [Property(MaxTest = 300)]
    public bool Split_parts_fit_the_limit_and_rejoin_to_the_text(NonNull<string> text, PositiveInt limit)
    {
        var max = 8 + (limit.Get % 200);
        var escaped = TelegramText.Escape(text.Get);
        var parts = TelegramText.Split(escaped, max);
        return parts.All(p => p.Length <= max) && string.Concat(parts).Replace("\n", "", StringComparison.Ordinal)
            == escaped.Replace("\n", "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_message_is_split_at_line_ends_and_never_inside_an_entity()
    {
        var line = new string('a', 4000);
        var parts = TelegramText.Split($"{line}\n{line}\n" + new string('b', 4094) + "&amp;tail");

        Assert.Equal(4, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= TelegramText.MessageLimit));
        Assert.StartsWith("&amp;", parts[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_caption_is_trimmed_to_1024_with_an_ellipsis()
    {
        var caption = TelegramText.Trim(new string('x', 2000));

        Assert.Equal(1024, caption.Length);
        Assert.EndsWith("…", caption, StringComparison.Ordinal);
        Assert.Equal("short", TelegramText.Trim("short"));
    }

    [Fact]
    public void User_text_is_escaped_for_html()
    {
        Assert.Equal("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;", TelegramText.Escape("<b>Tom & Jerry</b>"));
    }
}
