using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// Full reports through the gateway: POST /api/v1/reports (202 + Location), then GET the Location
/// until it is done. The latency is from the intended POST to the finished report.
/// </summary>
public sealed class FullReportScenario : Scenario
{
    public override string Name => "full-report";

    public override string Summary => "POST /api/v1/reports, poll its Location until ready; latency to the finished report";

    public override double? DefaultRate => 0.5;

    public override IEnumerable<Target> Targets(CommandLine options) => [new("gateway", options.Require("gateway"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var gateway = run.Options.Require("gateway");
        await HttpTargets.ProbeAsync("gateway", gateway, cancellationToken);
        using var client = HttpTargets.Create(gateway, run.Options.Require("token"), run.Plan.Concurrency * 2);
        var elapsed = await run.DriveAsync("full-report", async (context, ct) =>
        {
            var to = DateOnly.FromDateTime(DateTime.UtcNow);
            using var created = await client.PostAsJsonAsync("api/v1/reports",
                new { kind = "full", format = "pdf", from = to.AddDays(-90), to, days = 90 }, ct);
            if (created.StatusCode != HttpStatusCode.Accepted || created.Headers.Location is not { } location)
            {
                return created.IsSuccessStatusCode
                    ? Outcome.Failed("full-report", "no_202_location")
                    : HttpTargets.OutcomeOf("full-report", created);
            }

            while (true)
            {
                using var poll = await client.GetAsync(location, ct);
                // 202 (or 200 with a pending status) while it is being made; 200 with a PDF, or a 303 to it, when done.
                if (poll.StatusCode is HttpStatusCode.Accepted)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                    continue;
                }

                if (!poll.IsSuccessStatusCode && poll.StatusCode != HttpStatusCode.SeeOther)
                {
                    return HttpTargets.OutcomeOf("full-report", poll);
                }

                // The job's status is queued, running, done or failed (analytics' ReportJobView). Until 2026-12-07 this
                // counted "queued" as finished, so the figure was the time to the first poll of a job still waiting.
                switch (await JobStatusAsync(poll, ct))
                {
                    case "done":
                        return Outcome.Ok("full-report");
                    case "failed":
                        return Outcome.Failed("full-report", "report_failed");
                    case "queued" or "running":
                        await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                        continue;
                    case var other:
                        return Outcome.Failed("full-report", $"status_{other ?? "missing"}");
                }
            }
        }, cancellationToken);
        return run.Result(Name, RowSummary.From(run.Recorder, elapsed), elapsed, gateway);
    }

    /// <summary>The <c>status</c> of a job's JSON answer; "done" for a finished report's file itself (a PDF).</summary>
    private static async Task<string?> JobStatusAsync(HttpResponseMessage poll, CancellationToken cancellationToken)
    {
        if (poll.StatusCode == HttpStatusCode.SeeOther || poll.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return "done";
        }

        using var body = await JsonDocument.ParseAsync(await poll.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
}
