using Repitbot.Contracts;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// End-to-end e-mail latency at a steady rate: LessonCompleted on the bus → notification renders and
/// sends → the SMTP sink writes the mail. Students are registered on the bus first and one warm-up
/// mail proves notification knows them, so the measured mails never wait for the projection.
/// </summary>
public sealed class NotifyEmailScenario : Scenario
{
    private const int Students = 20;

    public override string Name => "notify-email";

    public override string Summary => "LessonCompleted on the bus at --rate; latency until the mail is in --maildir";

    public override double? DefaultRate => 20;

    public override IEnumerable<Target> Targets(CommandLine options) => [new("RabbitMQ", options.Require("rabbitmq"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var maildir = run.Options.Require("maildir");
        var runId = Guid.NewGuid().ToString("N")[..8];
        var mail = new MaildirWatcher(maildir, runId);
        await using var bus = await BusPublisher.StartAsync(run.Options.Require("rabbitmq"), cancellationToken);
        var students = await MailedStudents.RegisterAndWarmUpAsync(bus, mail, runId, maildir, Students, cancellationToken);

        var elapsed = await run.DriveAsync("publish", async (context, ct) =>
        {
            await bus.Endpoint.Publish(students.Lesson(context.Slot(Students), mail.Marker(context.Index), context.IntendedAt), ct);
            if (!context.IsWarmup)
            {
                mail.Sent(context.Index, context.IntendedAt);
            }

            return Outcome.Ok("publish");
        }, cancellationToken);
        await mail.CollectAsync(run.Recorder, run.StartedAt, TimeSpan.FromSeconds(run.Options.GetSeconds("timeout", 30)), cancellationToken);
        return run.Result(Name, RowSummary.From(run.Recorder, elapsed), elapsed, maildir);
    }
}
