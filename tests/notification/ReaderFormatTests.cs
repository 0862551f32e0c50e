using System.Net;
using System.Net.Http.Json;
using Repitbot.Contracts;
using Repitbot.Notification.Templates;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

/// <summary>Amounts and dates as the reader of each language writes them, in real e-mails and in template previews.</summary>
[Collection(SharedNotificationService.Name)]
public sealed class ReaderFormatTests(NotificationFactory factory)
{
    private const char NoBreakSpace = '\u00A0';

    [Theory]
    [InlineData(24 * 60 * 60, "ru", "24 ч")]
    [InlineData(60 * 60 - 3, "ru", "1 ч")]
    [InlineData(90 * 60, "ru", "1 ч 30 мин")]
    [InlineData(30 * 60, "ru", "30 мин")]
    [InlineData(30, "ru", "30 с")]
    [InlineData(90 * 60, "en", "1 h 30 min")]
    [InlineData(45 * 60, "en", "45 min")]
    [InlineData(2 * 60 * 60, "en", "2 h")]
    public void A_reminders_lead_reads_in_hours_and_minutes_in_the_readers_language(int seconds, string locale, string expected) =>
        Assert.Equal(expected, ReaderFormat.Lead(TimeSpan.FromSeconds(seconds), locale).Replace(NoBreakSpace, ' '));

    [Theory]
    [InlineData("ru", "Оплата получена: 1 500,00 ₽")]
    [InlineData("en", "Payment received: ₽1,500.00")]
    public async Task A_payment_receipt_shows_the_amount_in_the_readers_locale(string locale, string subject)
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Аня", email, locale);

        await factory.PublishAsync(new PaymentReceived
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), StudentId = studentId,
            PaymentId = Guid.NewGuid(), AmountMinor = 150_000, Currency = "RUB", Method = PaymentMethod.Card, LessonsCovered = 1,
        });

        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal(subject, mail.Subject?.Replace(NoBreakSpace, ' '));
    }

    [Theory]
    [InlineData("en", "1 March 2026, 18:00 Dima Orlov", "₽2,000.00")]
    [InlineData("ru", "1 марта 2026, 18:00 Дима Орлов", "2 000,00 ₽")]
    public async Task A_preview_renders_sample_dates_names_and_money_in_the_templates_language(string locale, string lesson, string amount)
    {
        using var admin = factory.Admin();

        var scheduled = await Preview(admin, "lesson-scheduled", locale, "{{ lesson_time }} {{ student_name }}");
        var payment = await Preview(admin, "payment-received", locale, "{{ amount }}");

        Assert.Equal(lesson, scheduled.Body);
        // The body is HTML: the no-break spaces are written as character references.
        Assert.Equal(amount, WebUtility.HtmlDecode(payment.Body).Replace(NoBreakSpace, ' '));
    }

    private static async Task<PreviewView> Preview(HttpClient admin, string type, string locale, string body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/templates/preview", new { type, channel = "telegram", locale, body });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PreviewView>())!;
    }
}
