using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Repitbot.Contracts;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

/// <summary>
/// A service whose PostgreSQL connections carry a name of their own, so a test can have the real server
/// cut exactly them, and whose SMTP server sits behind a port the test controls.
/// </summary>
public sealed class WorkerFaultFactory : NotificationFactory
{
    public WorkerFaultFactory() => Smtp.Start();

    public string ApplicationName { get; } = $"notification-faults-{Guid.NewGuid():N}"[..40];

    public SmtpForwarder Smtp { get; } = new(2525);

    /// <summary>Has PostgreSQL end every connection of this service, as a restarting server does.</summary>
    public async Task<int> CutDatabaseConnectionsAsync()
    {
        // A role may end its own sessions: the test connects as notification, to the same database.
        await using var connection = new NpgsqlConnection(LocalEnvironment.For("notification")["ConnectionStrings__Postgres"] + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) cut", connection);
        command.Parameters.AddWithValue(ApplicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => base.Settings().Concat(
    [
        new("ConnectionStrings:Postgres", LocalEnvironment.For("notification")["ConnectionStrings__Postgres"] + $";Application Name={ApplicationName}"),
        new("Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture)),
        new("Smtp:Timeout", "00:00:20"),
        new("Workers:StallAfter", "00:00:02"),
        // Two sending slots, as the tests below were written for: a few stuck mails fill every slot (a stall), and a
        // slot lost per failed claim would silence the channel within the test's dozen cuts.
        new("Delivery:EmailConcurrency", "2"),
    ]);

    protected override void Dispose(bool disposing)
    {
        Smtp.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Background loops give back what they took on every path, and readiness names one that stalls.</summary>
public sealed class WorkerResilienceTests(WorkerFaultFactory factory) : IClassFixture<WorkerFaultFactory>
{
    [Fact]
    public async Task Email_keeps_sending_after_the_database_cut_its_connections_again_and_again()
    {
        // Each cut fails whatever query the workers had in flight, claims included; a lost sending slot per
        // failed claim used to leave the e-mail channel (2 slots) silent for good after the second.
        var cut = 0;
        for (var round = 0; round < 12; round++)
        {
            cut += await factory.CutDatabaseConnectionsAsync();
            await Task.Delay(120);
        }

        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Жора", email);
        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 45));

        var mail = await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout);
        Assert.True(cut >= 6, $"only {cut} connections were cut: the test did not disturb the workers");
        Assert.Single(mail);
        Assert.Equal("Healthy", await WorkersStatusAsync());
    }

    [Fact]
    public async Task A_stuck_mail_server_turns_readiness_degraded_naming_the_email_worker_until_it_answers()
    {
        Assert.Equal("Healthy", await WorkersStatusAsync());
        factory.Smtp.Hanging = true;
        var students = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        try
        {
            foreach (var studentId in students)
            {
                await factory.RegisterStudentAsync(studentId, "Ира", $"{studentId:N}@test.local");
                await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 30));
            }

            // Both sending slots wait on a server that never greets: no progress while mail is due.
            Assert.True(await Eventually.Async(async () => await WorkersStatusAsync() == "Degraded"), "readiness never showed the stall");
            var (_, description) = await WorkersCheckAsync();
            Assert.Contains("notification-email", description, StringComparison.Ordinal);
            Assert.DoesNotContain("notification-telegram", description, StringComparison.Ordinal);
            Assert.Contains("repitbot_worker_stalled{worker=\"notification-email\"} 1", await factory.CreateClient().GetStringAsync("/metrics"), StringComparison.Ordinal);
        }
        finally
        {
            factory.Smtp.Hanging = false;
        }

        foreach (var studentId in students)
        {
            Assert.Single(await Mailbox.WaitForAsync($"{studentId:N}@test.local", TimeSpan.FromSeconds(60)));
        }

        Assert.True(await Eventually.Async(async () => await WorkersStatusAsync() == "Healthy"), "readiness stayed degraded after the server answered");
    }

    [Fact]
    public async Task A_row_whose_instance_died_after_the_send_is_sent_again_and_announced_as_a_possible_duplicate()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Лёва", email);
        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 45));
        Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        var sent = Assert.Single(await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Any(r => r.Status == "Sent")),
            r => r.Channel == "Email");

        // What an instance killed between the server's "250 OK" and its UPDATE leaves: the row still 'Sending',
        // its lease over. Nobody can ask the mail server whether it already has the message.
        await using (var command = factory.Database.CreateCommand(
            "UPDATE notification.deliveries SET status = 'Sending', sent_at = NULL, locked_until = now() - interval '1 second' WHERE id = $1"))
        {
            command.Parameters.AddWithValue(sent.Id);
            await command.ExecuteNonQueryAsync();
        }

        factory.Services.GetRequiredService<Delivery.DeliverySignal>().Wake(NotificationChannel.Email);
        // Missing a lesson message is worse than reading it twice: it goes again, and says it may be a second copy.
        Assert.Equal(2, (await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout, expected: 2)).Count);
        await using var check = factory.Database.CreateCommand("SELECT status, lease_expirations FROM notification.deliveries WHERE id = $1");
        check.Parameters.AddWithValue(sent.Id);
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("Sent", 1), (reader.GetString(0), reader.GetInt32(1)));
        Assert.Matches("repitbot_notification_lease_expirations_total\\{channel=\"email\"\\} [1-9]",
            await factory.CreateClient().GetStringAsync("/metrics"));
    }

    private async Task<string> WorkersStatusAsync() => (await WorkersCheckAsync()).Status;

    private async Task<(string Status, string Description)> WorkersCheckAsync()
    {
        using var response = await factory.CreateClient().GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var workers = body.RootElement.GetProperty("checks").GetProperty("workers");
        return (workers.GetProperty("status").GetString()!, workers.GetProperty("description").GetString() ?? "");
    }
}
