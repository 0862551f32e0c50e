using System.Globalization;
using Repitbot.Contracts;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// What one e-mail costs the notification service: --count LessonCompleted events published as fast as the
/// broker takes them (students registered and warmed up first, as in notify-email), then the wait until every
/// mail is in --maildir. The service's CPU time (/proc/--pid/stat) before the first event and after the last mail,
/// divided by the mails, is its CPU per e-mail; the mails over the time to the last one are its e-mails per second.
/// </summary>
public sealed class NotifyLoadScenario : Scenario
{
    private const int Students = 50;

    public override string Name => "notify-load";

    public override string Summary => "--count LessonCompleted at once; notification's CPU-ms per e-mail (/proc/--pid) and e-mails/s into --maildir";

    public override double? DefaultRate => null;

    public override IEnumerable<Target> Targets(CommandLine options) => [new("RabbitMQ", options.Require("rabbitmq"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var maildir = run.Options.Require("maildir");
        var pid = (int)run.Options.GetLong("pid", 0, 1, int.MaxValue);
        if (pid == 0)
        {
            throw new UsageException("--pid is required for notify-load (the notification process, e.g. $(pgrep -f Repitbot.Notification.dll))");
        }

        var runId = Guid.NewGuid().ToString("N")[..8];
        var mail = new MaildirWatcher(maildir, runId);
        await using var bus = await BusPublisher.StartAsync(run.Options.Require("rabbitmq"), cancellationToken);
        var students = await MailedStudents.RegisterAndWarmUpAsync(bus, mail, runId, maildir, Students, cancellationToken);

        var cpuBefore = TimeSpan.Zero;
        var elapsed = await run.DriveAsync("publish", async (context, ct) =>
        {
            await bus.Endpoint.Publish(students.Lesson(context.Slot(Students), mail.Marker(context.Index), context.IntendedAt), ct);
            if (!context.IsWarmup)
            {
                mail.Sent(context.Index, context.IntendedAt);
            }

            return Outcome.Ok("publish");
        }, cancellationToken, _ =>
        {
            cpuBefore = ProcessCpu.Used(pid);
            return Task.CompletedTask;
        });
        await mail.CollectAsync(run.Recorder, run.StartedAt, TimeSpan.FromSeconds(run.Options.GetSeconds("timeout", 120)), cancellationToken);
        var cpu = ProcessCpu.Used(pid) - cpuBefore;
        var rows = RowSummary.From(run.Recorder, elapsed);
        var delivered = rows.FirstOrDefault(r => r.Name == MaildirWatcher.Operation);
        if (delivered is { Succeeded: > 0 })
        {
            var window = delivered.ThroughputPerSecond is { } perSecond ? delivered.Succeeded / perSecond : elapsed.TotalSeconds;
            rows[rows.IndexOf(delivered)] = delivered with
            {
                Note = string.Create(CultureInfo.InvariantCulture,
                    $"notification CPU {cpu.TotalMilliseconds / delivered.Succeeded:0.00} ms per e-mail ({cpu.TotalSeconds / window * 100:0} % of one core)"),
                Extra = new Dictionary<string, double>
                {
                    ["cpuMsPerEmail"] = Math.Round(cpu.TotalMilliseconds / delivered.Succeeded, 3),
                    ["cpuSeconds"] = Math.Round(cpu.TotalSeconds, 2),
                },
            };
        }

        return run.Result(Name, rows, elapsed, maildir);
    }
}
