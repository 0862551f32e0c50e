using System.Diagnostics;
using Repitbot.Contracts;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// A burst of Telegram notifications (SendNotification, channel Telegram) faster than the Bot API's
/// 30 messages a second: how many sends a second notification achieves and how many 429s it provoked,
/// counted by the Bot API stand-in (--telegram-stub) or by notification's own metric (see <see cref="TelegramSendCounters"/>).
/// </summary>
public sealed class NotifyTelegramScenario : Scenario
{
    public const double BotApiCapPerSecond = 30;
    private const int Recipients = 50;

    public override string Name => "notify-telegram";

    public override string Summary => "SendNotification (Telegram) bursts; sends/s against the 30/s cap and 429s (--telegram-stub or notification's metrics)";

    public override double? DefaultRate => 60;

    public override IEnumerable<Target> Targets(CommandLine options) =>
        new[] { new Target("RabbitMQ", options.Require("rabbitmq")), new Target("notification", options.Require("notification")) }
            .Concat(options.Get("telegram-stub") is { } stub ? [new Target("Telegram stand-in", stub)] : []);

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var notification = run.Options.Require("notification");
        await HttpTargets.ProbeAsync("notification", notification, cancellationToken);
        using var http = HttpTargets.Create(notification, null, 2);
        using var stub = run.Options.Get("telegram-stub") is { } stubUrl ? HttpTargets.Create(stubUrl, null, 2) : null;
        var counters = new TelegramSendCounters(http, stub);
        await using var bus = await BusPublisher.StartAsync(run.Options.Require("rabbitmq"), cancellationToken);
        var tutorId = Guid.NewGuid();
        var recipients = Enumerable.Range(0, Recipients).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < Recipients; i++)
        {
            await bus.Endpoint.Publish(new UserRegistered
            {
                EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, UserId = recipients[i],
                Role = UserRole.Student, DisplayName = $"Load student {i}", TelegramChatId = 7_000_000 + i, Locale = "en",
                TimeZone = "Europe/London",
            }, cancellationToken);
        }

        await counters.RegisterChatsAsync(Enumerable.Range(0, Recipients).Select(i => 7_000_000L + i), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var before = await counters.ReadAsync(cancellationToken);
        var elapsed = await run.DriveAsync("publish", async (context, ct) =>
        {
            await bus.Endpoint.Publish(new SendNotification
            {
                IdempotencyKey = $"load-telegram-{tutorId:N}-{context.Index}", RecipientId = recipients[context.Slot(Recipients)],
                TemplateKey = "lesson-completed", Channel = NotificationChannel.Telegram, TutorId = tutorId,
                Data = new Dictionary<string, string> { ["minutes"] = "60", ["subject"] = "load test" },
            }, ct);
            return Outcome.Ok("publish");
        }, cancellationToken);
        var rows = RowSummary.From(run.Recorder, elapsed);
        rows.Add(before is null
            ? new RowResult { Name = "telegram-sends", Note = $"Telegram delivery not available (no {counters.Source})" }
            : await WatchSendsAsync(counters, before, run.Plan.Planned, run.StartedAt,
                TimeSpan.FromSeconds(run.Options.GetSeconds("timeout", 30)), cancellationToken));
        return run.Result(Name, rows, elapsed, notification);
    }

    /// <summary>Samples the counter until every send was attempted (or the wait ends) and sums the deltas by result.</summary>
    private static async Task<RowResult> WatchSendsAsync(TelegramSendCounters counters, Dictionary<string, double> before, long planned,
        DateTimeOffset runStart, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        Dictionary<string, double> delta = [];
        var lastOk = 0.0;
        var lastOkAt = TimeSpan.Zero;
        while (deadline.Elapsed < wait)
        {
            var now = await counters.ReadAsync(cancellationToken) ?? before;
            delta = now.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key));
            var ok = delta.Where(kv => IsOk(kv.Key)).Sum(kv => kv.Value);
            if (ok > lastOk)
            {
                (lastOk, lastOkAt) = (ok, DateTimeOffset.UtcNow - runStart);
            }

            if (ok >= planned)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        var rateLimited = delta.Where(kv => Is429(kv.Key)).Sum(kv => kv.Value);
        var extra = delta.Where(kv => kv.Value > 0).ToDictionary(kv => "result_" + kv.Key, kv => kv.Value);
        extra["capPerSecond"] = BotApiCapPerSecond;
        extra["http429"] = rateLimited;
        var perSecond = lastOkAt > TimeSpan.Zero ? lastOk / lastOkAt.TotalSeconds : (double?)null;
        if (perSecond is { } sends)
        {
            extra["ratioToCap"] = Math.Round(sends / BotApiCapPerSecond, 3);
        }

        return new RowResult
        {
            Name = "telegram-sends", Count = planned, Succeeded = (long)lastOk, Failed = Math.Max(0, planned - (long)lastOk),
            ThroughputPerSecond = perSecond, Extra = extra,
            Note = (lastOk == 0 && delta.Values.Sum() == 0
                    ? $"no sendMessage call at all within {wait.TotalSeconds:0} s (does notification deliver by Telegram yet?); "
                    : lastOk < planned ? $"{planned - (long)lastOk} of {planned} not sent within {wait.TotalSeconds:0} s; " : "")
                + $"counted by {counters.Source}",
        };
    }

    private static bool IsOk(string result) => result is "ok" or "sent" or "success" or "200";

    private static bool Is429(string result) => result.Contains("429", StringComparison.Ordinal)
        || result.Contains("rate", StringComparison.OrdinalIgnoreCase) || result.Contains("too_many", StringComparison.OrdinalIgnoreCase);
}
