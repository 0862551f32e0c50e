using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// Lessons recorded through the bot gateway's REST intake (POST /api/v1/events/lessons/completed) with a
/// tutor's token: the "record" row is the intake; with --postgres also the "stored" row, the same event
/// arriving in analytics through the outbox relay and the bus.
/// </summary>
public sealed class IngestRestScenario : Scenario
{
    private const int Students = 10;

    public override string Name => "ingest-rest";

    public override string Summary => "POST lessons/completed to the bot gateway with --tutor-token (and wait in analytics with --postgres)";

    public override IEnumerable<Target> Targets(CommandLine options) =>
        new[] { new Target("bot gateway", options.Require("bot-gateway")) }
            .Concat(options.Get("postgres") is { } pg ? [new Target("PostgreSQL", pg)] : []);

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var botGateway = run.Options.Require("bot-gateway");
        await HttpTargets.ProbeAsync("bot gateway", botGateway, cancellationToken);
        using var client = HttpTargets.Create(botGateway, run.Options.Get("tutor-token") ?? run.Options.Require("token"),
            run.Plan.Concurrency);
        var students = await CreateStudentsAsync(client, cancellationToken);
        var watcher = run.Options.Get("postgres") is { } pg ? new StoredEventWatcher(pg) : null;
        if (watcher is not null)
        {
            await watcher.ProbeAsync(cancellationToken);
        }

        var elapsed = await run.DriveAsync("record", async (context, ct) =>
        {
            var attended = context.Slot(10) != 9;
            using var response = await client.PostAsJsonAsync("api/v1/events/lessons/completed", new
            {
                lessonId = Guid.NewGuid(), studentId = students[context.Slot(Students)],
                outcome = attended ? "attended" : "noShow", minutes = attended ? 60 : 0,
                occurredAt = context.IntendedAt, subject = "load test",
            }, ct);
            if (response.IsSuccessStatusCode && watcher is not null && !context.IsWarmup)
            {
                using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                watcher.Sent(body.RootElement.GetProperty("eventId").GetGuid(), context.IntendedAt);
            }

            return HttpTargets.OutcomeOf("record", response);
        }, cancellationToken);
        if (watcher is not null)
        {
            await watcher.CollectAsync(run.Recorder, run.StartedAt, TimeSpan.FromSeconds(run.Options.GetSeconds("timeout", 30)) * 2,
                cancellationToken);
        }

        return run.Result(Name, RowSummary.From(run.Recorder, elapsed), elapsed, botGateway);
    }

    private static async Task<Guid[]> CreateStudentsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var students = new Guid[Students];
        for (var i = 0; i < Students; i++)
        {
            using var response = await client.PostAsJsonAsync("api/v1/students", new
            {
                displayName = $"Load student {i}", locale = "en", timeZone = "Europe/London",
            }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new TargetUnreachableException("bot gateway", client.BaseAddress!.ToString(),
                    $"POST /api/v1/students answered {(int)response.StatusCode} (is --tutor-token a tutor's token?)");
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                cancellationToken: cancellationToken);
            students[i] = body.RootElement.GetProperty("studentId").GetGuid();
        }

        return students;
    }
}
