using System.Diagnostics;
using System.Globalization;
using Repitbot.Chaos.Suite;
using Repitbot.Chaos.Traffic;
using Repitbot.Chaos.Verification;

namespace Repitbot.Chaos.Scenarios;

/// <summary>
/// Runs one scenario: a fresh tutor and students, a burst of real events through the gateway with the fault caused
/// after a quarter of it, the fault ended, then exact counts once everything settled (or what was missing when it did not).
/// </summary>
public static class ScenarioRunner
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan BurstPause = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(ChaosSuite suite, ChaosScenario scenario)
    {
        try
        {
            await RunCoreAsync(suite, scenario);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.FailException)
        {
            // The scenario broke before it could count (a fault that would not end, a setup call refused): the next
            // scenario still gets every server and process back.
            await suite.RecoverAsync();
            throw;
        }
    }

    private static async Task RunCoreAsync(ChaosSuite suite, ChaosScenario scenario)
    {
        var slug = new string([.. scenario.Name.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        var roster = await Roster.CreateAsync(suite, slug, emailOnly: 4, withTelegram: 4);
        var blocked = new HashSet<long>();
        if (scenario.BlockOneChat)
        {
            var chat = roster.Students.First(s => s.ChatId is not null).ChatId!.Value;
            suite.Telegram.BlockChat(chat);
            blocked.Add(chat);
        }

        // The bot's answers to the students' /start and /email must not be counted as notifications: start counting
        // once the stand-in has seen no call for two seconds.
        int seen;
        do
        {
            seen = suite.Telegram.Calls("sendMessage").Count;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        while (suite.Telegram.Calls("sendMessage").Count != seen);

        var telegramBaseline = suite.Telegram.Calls().Select(c => c.Sequence).DefaultIfEmpty(0).Max();
        var events = PlannedEvent.Burst(roster.Students, scenario.Events);
        var log = new CallLog();
        using var stopWatching = new CancellationTokenSource();
        var watcher = EventBurst.WatchDashboardAsync(suite, roster.TutorToken, log, stopWatching.Token);

        var clock = Stopwatch.StartNew();
        TimeSpan? restoredAt = null;
        Task faulting = Task.CompletedTask;
        var faultStarted = 0;
        var sent = await EventBurst.SendAsync(suite, roster.TutorToken, events, BurstPause, log, done =>
        {
            if (done >= scenario.Events / 4 && Interlocked.Exchange(ref faultStarted, 1) == 0)
            {
                faulting = Task.Run(async () =>
                {
                    try
                    {
                        await scenario.Inject(suite);
                        await Task.Delay(scenario.Outage);
                    }
                    finally
                    {
                        await scenario.Restore(suite);
                        restoredAt = clock.Elapsed;
                    }
                });
            }
        });
        await faulting;
        var restored = restoredAt ?? clock.Elapsed;

        var accepted = sent.Where(s => s.Accepted).ToList();
        var expectations = new Expectations(accepted, blocked);
        var observation = await SettleAsync(suite, roster, expectations, telegramBaseline);
        var settledAt = observation.Problems.Count == 0 ? clock.Elapsed : (TimeSpan?)null;
        if (settledAt is not null)
        {
            // A late duplicate (a lease running out, a redelivery) would arrive now: count once more after a pause.
            await Task.Delay(TimeSpan.FromSeconds(5));
            observation = await Observation.TakeAsync(suite, roster, expectations, telegramBaseline);
        }

        await stopWatching.CancelAsync();
        await watcher;

        var problems = new List<string>(observation.Problems);
        foreach (var lost in sent.Where(s => !s.Accepted))
        {
            problems.Add($"event {lost.Planned.Number} ({lost.Planned.Kind}) never accepted: last status {lost.FinalStatus} after {lost.Attempts} attempts");
        }

        var fault = scenario.Fault;
        if (scenario.StoppedGracefully is { } stopped)
        {
            // Finished or handed back: nothing was left leased to run out and be sent a second time.
            if (observation.Announced > 0)
            {
                problems.Add($"the graceful stop of {stopped} left {observation.Announced} deliveries leased (sent again when the lease ran out)");
            }

            fault += string.Create(CultureInfo.InvariantCulture, $"; it exited {suite.Service(stopped).LastStop?.TotalSeconds:0.0} s after SIGTERM");
        }

        if (log.InternalErrors > 0)
        {
            problems.Add($"{log.InternalErrors} answers were HTTP 500, e.g. {log.InternalErrorSamples.First()}");
        }

        if (blocked.Count > 0)
        {
            // "Not retried forever": each blocked-chat message was tried at most once, then Telegram was switched off.
            var blockedCalls = blocked.Sum(chat => suite.Telegram.Calls("sendMessage", chat).Count(c => c.Sequence > telegramBaseline));
            var blockedEvents = accepted.Count(e => e.Planned.Student.ChatId is { } chat && blocked.Contains(chat));
            if (blockedCalls > blockedEvents)
            {
                problems.Add($"{blockedCalls} sendMessage calls to the blocked chat for {blockedEvents} events: retried after 403");
            }
        }

        var result = new ScenarioResult(scenario.Name, fault, sent.Count, accepted.Count, observation.Stored, observation.Dashboard,
            $"{expectations.Count(EventKind.LessonCompleted)}/{expectations.Count(EventKind.HomeworkAssigned)}/{expectations.RevenueMinor}",
            observation.EmailsExpected, observation.EmailsSent, observation.EmailDuplicates,
            observation.TelegramExpected, observation.TelegramSent, observation.TelegramDuplicates, observation.Announced,
            observation.Stuck, log.InternalErrors, settledAt is { } at ? at - restored : null, log.Summary(), problems);
        suite.Record(result);

        if (!result.Passed)
        {
            // The problems come first and the services' last lines are cut short: a CI log keeps only its end, and
            // a service that recovered says nothing, so its last lines are often the outage's errors, not the cause.
            var tails = string.Join("\n", suite.Services.Select(s =>
                $"--- {s.Name}\n{string.Join('\n', s.Tail(8).Split('\n').Select(line => line.Length > 240 ? line[..240] + "…" : line))}"));
            await suite.RecoverAsync();
            Assert.Fail($"{scenario.Name}: {string.Join("; ", problems)}\ncalls: {result.Calls}\n{tails}\n"
                + $"{scenario.Name} FAILED: {string.Join("; ", problems)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: passed, {accepted.Count} accepted, recovered {result.Recovery?.TotalSeconds:0.0} s after the fault ended; calls {result.Calls}"));
    }

    private static async Task<Observation> SettleAsync(ChaosSuite suite, Roster roster, Expectations expectations, long telegramBaseline)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            Observation observation;
            try
            {
                observation = await Observation.TakeAsync(suite, roster, expectations, telegramBaseline);
            }
            catch (Npgsql.NpgsqlException ex) when (DateTime.UtcNow < deadline)
            {
                // PostgreSQL may still be starting after the fault; look again.
                _ = ex;
                await Task.Delay(2000);
                continue;
            }

            if (observation.Problems.Count == 0 || DateTime.UtcNow >= deadline)
            {
                return observation;
            }

            await Task.Delay(2000);
        }
    }
}
