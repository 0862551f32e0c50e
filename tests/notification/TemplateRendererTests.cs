using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Tests;

/// <summary>The renderer alone: no infrastructure.</summary>
public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    private static Dictionary<string, object?> Data(string studentName) => new()
    {
        ["student_name"] = studentName,
        ["minutes"] = 60,
        ["no_show"] = false,
        ["subject"] = null,
        ["lesson_date"] = "1 марта 2026, 18:00",
    };

    [Fact]
    public async Task Html_part_encodes_markup_in_the_student_name()
    {
        var email = await _renderer.RenderEmailAsync(DefaultTemplates.LessonCompleted, "en", Data("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_part_keeps_the_student_name_as_written()
    {
        var email = await _renderer.RenderEmailAsync(DefaultTemplates.LessonCompleted, "en", Data("<script>alert(1)</script>"));

        Assert.Contains("Hello, <script>alert(1)</script>!", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_locale_falls_back_to_russian()
    {
        var email = await _renderer.RenderEmailAsync(DefaultTemplates.LessonCompleted, "de", Data("Anna"));

        Assert.Equal("Урок проведён: 60 мин", email.Subject);
        Assert.Contains("Здравствуйте, Anna!", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_locale_renders_the_english_template()
    {
        var email = await _renderer.RenderEmailAsync(DefaultTemplates.LessonCompleted, "en", Data("Anna"));

        Assert.Equal("Lesson completed: 60 min", email.Subject);
    }
}
