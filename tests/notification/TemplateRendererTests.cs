using Repitbot.Contracts;
using Repitbot.Hosting.Telegram;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Tests;

/// <summary>The renderer and validator alone: no infrastructure.</summary>
public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    private static TemplateVersion Default(string type, NotificationChannel channel, string locale) =>
        DefaultTemplates.All().Single(t => t.Type == type && t.Channel == channel && t.Locale == locale);

    private static Dictionary<string, object?> Data(string name) => new()
    {
        ["recipient_name"] = name, ["student_name"] = name, ["minutes"] = 60, ["no_show"] = false, ["subject"] = null,
        ["lesson_date"] = "1 марта 2026, 18:00",
    };

    [Fact]
    public async Task Every_default_template_renders_with_its_sample_data_and_uses_no_unknown_variable()
    {
        var validator = new TemplateValidator(_renderer);
        foreach (var template in DefaultTemplates.All())
        {
            var type = NotificationTypes.Find(template.Type)!;
            Assert.Empty(await validator.ValidateAsync(template, type));
        }

        Assert.Equal(NotificationTypes.All.Count * 4, DefaultTemplates.All().Count());
    }

    [Fact]
    public async Task Email_html_encodes_markup_and_the_text_part_keeps_it()
    {
        var email = await _renderer.RenderAsync(Default(NotificationTypes.LessonCompleted, NotificationChannel.Email, "en"),
            Data("<script>alert(1)</script>"));

        Assert.Equal("Lesson completed: 60 min", email.Subject);
        Assert.DoesNotContain("<script>", email.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Body, StringComparison.Ordinal);
        Assert.Contains("Hello, <script>alert(1)</script>!", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telegram_text_escapes_user_data_for_the_bot_api_and_keeps_its_own_tags()
    {
        var template = new TemplateVersion
        {
            Type = NotificationTypes.Test, Channel = NotificationChannel.Telegram, Locale = "ru", Body = "<b>Урок</b>\n{{ student_name }}",
        };

        var message = await _renderer.RenderAsync(template, Data("Tom & <Jerry>"));

        Assert.StartsWith("<b>Урок</b>", message.Body, StringComparison.Ordinal);
        Assert.Contains("Tom &amp; &lt;Jerry&gt;", message.Body, StringComparison.Ordinal);
        Assert.Null(message.Subject);
    }

    [Fact]
    public void An_overlong_telegram_message_is_cut_to_the_limit_without_breaking_markup()
    {
        var html = "<b>Title</b>\n" + string.Concat(Enumerable.Repeat("a &amp; b ", 1000));

        var fitted = TelegramText.FitToLimit(html);

        var visible = System.Net.WebUtility.HtmlDecode(fitted);
        Assert.Equal(TelegramText.MessageLimit, visible.Length);
        Assert.EndsWith("…", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", fitted, StringComparison.Ordinal);
        Assert.Equal("<b>short</b>", TelegramText.FitToLimit("<b>short</b>"));
    }

    [Fact]
    public async Task A_syntax_error_is_reported_with_line_and_column()
    {
        var validator = new TemplateValidator(_renderer);
        var template = new TemplateVersion { Type = NotificationTypes.Test, Locale = "en", Body = "Hello\n{% if recipient_name %}no end" };

        var errors = await validator.ValidateAsync(template, NotificationTypes.Find(NotificationTypes.Test)!);

        var error = errors["body"];
        Assert.True(error.Line == 2 || error.Line == 1 && error.Column > 1, error.ToString());
    }

    [Fact]
    public async Task An_unknown_variable_is_reported_where_it_is_used()
    {
        var validator = new TemplateValidator(_renderer);
        var template = new TemplateVersion { Type = NotificationTypes.Test, Locale = "en", Body = "Hi {{ recipient_name }},\n  {{ secret }}" };

        var errors = await validator.ValidateAsync(template, NotificationTypes.Find(NotificationTypes.Test)!);

        Assert.Equal((2, 6), (errors["body"].Line, errors["body"].Column));
        Assert.Contains("secret", errors["body"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_cannot_read_files()
    {
        var validator = new TemplateValidator(_renderer);
        var template = new TemplateVersion { Type = NotificationTypes.Test, Locale = "en", Body = "{% include '/etc/passwd' %}" };

        var errors = await validator.ValidateAsync(template, NotificationTypes.Find(NotificationTypes.Test)!);

        Assert.True(errors.ContainsKey("body"));
    }
}
