using Repitbot.Contracts;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

/// <summary>A service whose SMTP server sits behind a port this test opens and closes.</summary>
public class SmtpOutageFactory : NotificationFactory
{
    public SmtpOutageFactory()
    {
        // Up while the service starts (its start-up probe greets the server), then under the test's control.
        Smtp.Start();
    }

    public SmtpForwarder Smtp { get; } = new(2525);

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        base.Settings().Append(new("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    protected override void Dispose(bool disposing)
    {
        Smtp.Dispose();
        base.Dispose(disposing);
    }
}

public sealed class SmtpOutageTests(SmtpOutageFactory factory) : IClassFixture<SmtpOutageFactory>
{
    [Fact]
    public async Task Smtp_down_then_up_delivers_the_email_once()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Витя", email);
        factory.Smtp.Stop();

        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60));
        // Two attempts failed and the row waits in the schedule for its next try.
        var retrying = await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Any(r => r.Attempts >= 2 && r.Status == "Scheduled"));
        factory.Smtp.Start();

        var mail = await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout);
        var row = Assert.Single(await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Any(r => r.Status == "Sent")));

        Assert.Contains("unreachable", Assert.Single(retrying).LastError, StringComparison.Ordinal);
        Assert.Single(mail);
        Assert.Equal("Sent", row.Status);
        Assert.True(row.Attempts >= 3, $"attempts {row.Attempts}");
    }
}
