using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Notification.Templates;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

[Collection(SharedNotificationService.Name)]
public sealed class TemplatesApiTests(NotificationFactory factory)
{
    [Fact]
    public async Task The_list_shows_every_type_with_its_variables_and_seeded_templates()
    {
        using var student = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));

        var types = (await student.GetFromJsonAsync<List<TemplateTypeView>>("/api/v1/templates"))!;

        Assert.Equal(NotificationTypes.All.Select(t => t.Key), types.Select(t => t.Type));
        var reminder = types.Single(t => t.Type == NotificationTypes.LessonReminder);
        Assert.Contains(reminder.Variables, v => v.Name == "lesson_time");
        Assert.Equal(["email/en", "email/ru", "telegram/en", "telegram/ru"], reminder.Templates.Select(t => $"{t.Channel}/{t.Locale}"));
    }

    [Fact]
    public async Task A_syntax_error_answers_400_with_line_and_column()
    {
        using var admin = factory.Admin();

        var response = await admin.PostAsJsonAsync("/api/v1/templates/validate", new
        {
            type = "test", channel = "telegram", locale = "ru", body = "<b>Hi</b>\n{{ recipient_name | }}",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var position = problem.RootElement.GetProperty("positions")[0];
        Assert.Equal("body", position.GetProperty("part").GetString());
        Assert.Equal(2, position.GetProperty("line").GetInt32());
        Assert.True(position.GetProperty("column").GetInt32() > 1);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task An_unknown_variable_answers_400_naming_it_and_bad_fields_are_named()
    {
        using var admin = factory.Admin();

        var unknownVariable = await admin.PostAsJsonAsync("/api/v1/templates/preview", new
        {
            type = "test", channel = "email", locale = "en", subject = "Hi {{ password }}", body = "x",
        });
        var badFields = await admin.PostAsJsonAsync("/api/v1/templates", new { type = "nope", channel = "fax", locale = "de", body = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, unknownVariable.StatusCode);
        Assert.Contains("password", await unknownVariable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var errors = JsonDocument.Parse(await badFields.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["type", "channel", "locale"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_update_adds_a_version_that_preview_and_get_use()
    {
        using var admin = factory.Admin();
        var address = "/api/v1/templates/material-shared/telegram/en";
        var before = await admin.GetFromJsonAsync<TemplateView>(address);
        var marker = Guid.NewGuid().ToString("N")[..8];

        var put = await admin.PutAsJsonAsync(address, new { body = $"<i>{marker}</i> {{{{ title }}}}" });
        var preview = await admin.PostAsJsonAsync("/api/v1/templates/preview", new
        {
            type = "material-shared", channel = "telegram", locale = "en", data = new { title = "A & B" },
        });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var current = await admin.GetFromJsonAsync<TemplateView>(address);
        Assert.Equal(before!.Version + 1, current!.Version);
        Assert.Equal(before.Body, (await admin.GetFromJsonAsync<TemplateView>($"{address}?version={before.Version}"))!.Body);
        var rendered = await preview.Content.ReadFromJsonAsync<PreviewView>();
        Assert.Equal($"<i>{marker}</i> A &amp; B", rendered!.Body);
    }

    [Fact]
    public async Task Only_admins_change_templates()
    {
        using var tutor = factory.ClientWithToken(factory.Tokens.Tutor(Guid.NewGuid()));

        var response = await tutor.PutAsJsonAsync("/api/v1/templates/test/email/ru", new { subject = "x", body = "y" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
