using Repitbot.Contracts;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// LessonCompleted (or, with <c>--event material-viewed</c>, MaterialViewed) published straight onto the bus
/// as MassTransit envelopes (<c>--publisher</c>), then waited for in analytics' store: the "stored" row's throughput is analytics ingestion, compared with the raw RabbitMQ ceiling.
/// Each event's OccurredAt is its intended send time, so the stored latency is end to end. With <c>--warmup N</c>,
/// N events of another tutor are published and stored before the measured run starts.
/// </summary>
public sealed class IngestBusScenario : Scenario
{
    public override string Name => "ingest-bus";

    public override string Summary => "publish LessonCompleted (--event) onto RabbitMQ as MassTransit envelopes and wait until analytics stores each";

    public override double? DefaultRate => null;

    public override IEnumerable<Target> Targets(CommandLine options) =>
        [new("RabbitMQ", options.Require("rabbitmq")), new("PostgreSQL", options.Require("postgres"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var materialViews = EventKind(run.Options);
        var tutorId = Guid.NewGuid();
        // Warm-up events belong to a tutor of their own, so the measured tutor's count holds only measured events.
        var warmupTutorId = Guid.NewGuid();
        var watcher = new StoredEventWatcher(run.Options.Require("postgres"), tutorId);
        await watcher.ProbeAsync(cancellationToken);
        await using var bus = await BusPublisher.StartAsync(run.Options.Require("rabbitmq"), cancellationToken);
        var students = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        // Registered without e-mail, as a real tutor's students would be known: notification handles every
        // LessonCompleted too (and skips the mail) instead of retrying an unknown recipient into its error queue.
        foreach (var student in students)
        {
            await bus.Endpoint.Publish(new UserRegistered
            {
                EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, UserId = student,
                Role = UserRole.Student, DisplayName = "Load student", Locale = "en", TimeZone = "Europe/London",
            }, cancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        await using var raw = RawPublisher(run.Options)
            ? await RawEnvelopePublisher.StartAsync(run.Options.Require("rabbitmq"), cancellationToken)
            : null;
        var materials = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var warmupStart = DateTimeOffset.UtcNow.AddSeconds(-1);
        var elapsed = await run.DriveAsync("publish", async (context, ct) =>
        {
            var student = students[context.Slot(students.Length)];
            var tutor = context.IsWarmup ? warmupTutorId : tutorId;
            IDomainEvent message = materialViews
                ? new MaterialViewed
                {
                    EventId = Guid.NewGuid(), OccurredAt = context.IntendedAt, TutorId = tutor, StudentId = student,
                    MaterialId = materials[context.Slot(materials.Length)],
                }
                : new LessonCompleted
                {
                    EventId = Guid.NewGuid(), OccurredAt = context.IntendedAt, TutorId = tutor, StudentId = student,
                    LessonId = Guid.NewGuid(), Outcome = context.Slot(10) == 9 ? LessonOutcome.NoShow : LessonOutcome.Attended,
                    Minutes = context.Slot(10) == 9 ? 0 : 60, Subject = "load test",
                };
            if (raw is not null)
            {
                await raw.PublishAsync(message, context.Slot(int.MaxValue), ct);
            }
            else
            {
                await bus.Endpoint.Publish(message, message.GetType(), ct);
            }
            if (!context.IsWarmup)
            {
                watcher.Sent(message.EventId, context.IntendedAt);
            }

            return Outcome.Ok("publish");
        }, cancellationToken, async ct =>
        {
            // The measured run starts once analytics has stored the warm-up: a service that has just started
            // is still compiling its hot paths, which is start-up, not ingestion throughput.
            if (run.Plan.Warmup > 0 && !await watcher.WaitForCountAsync(warmupTutorId, warmupStart, run.Plan.Warmup,
                    TimeSpan.FromSeconds(run.Options.GetSeconds("timeout", 30)) * 2, ct))
            {
                throw new TargetUnreachableException("analytics", "its event store",
                    $"the {run.Plan.Warmup} warm-up events were not all stored in time");
            }
        });
        await watcher.CollectAsync(run.Recorder, run.StartedAt, TimeSpan.FromSeconds(run.Options.GetSeconds("timeout", 30)) * 2,
            cancellationToken);
        return run.Result(Name, RowSummary.From(run.Recorder, elapsed), elapsed,
            $"analytics via RabbitMQ ({(materialViews ? "MaterialViewed" : "LessonCompleted")}, {(raw is null ? "MassTransit" : "raw")} publisher)");
    }

    /// <summary>
    /// raw (default): RabbitMQ.Client publishes MassTransit envelopes, as cheaply as the baseline publishes, so
    /// the figure is the consumer's; masstransit: a MassTransit bus publishes, as the bot gateway's relay does.
    /// </summary>
    private static bool RawPublisher(CommandLine options) => options.Get("publisher") switch
    {
        null or "raw" => true,
        "masstransit" => false,
        var other => throw new UsageException($"--publisher must be raw or masstransit, not '{other}'"),
    };

    /// <summary>
    /// LessonCompleted is consumed by notification as well, whose per-event work then shares the machine with
    /// analytics; MaterialViewed only by analytics, like the baseline's single queue (and it touches more aggregates).
    /// </summary>
    private static bool EventKind(CommandLine options) => options.Get("event") switch
    {
        null or "lesson-completed" => false,
        "material-viewed" => true,
        var other => throw new UsageException($"--event must be lesson-completed or material-viewed, not '{other}'"),
    };
}
