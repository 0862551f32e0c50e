using System.Diagnostics;
using System.Globalization;
using System.Text;
using Repitbot.Chaos.Scenarios;

namespace Repitbot.Chaos.Report;

/// <summary>Writes RELIABILITY.md: one table row per scenario, then what failed in words, the date, the commit and how to rerun.</summary>
public static class ReliabilityReport
{
    public static void Write(string path, DateTimeOffset startedAt, IReadOnlyList<ScenarioResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine("# Reliability (fault injection)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {startedAt:yyyy-MM-dd HH:mm} UTC on commit `{Commit()}`: {results.Count(r => r.Passed)} of {results.Count} scenarios passed.");
        md.AppendLine("Rerun: `./chaos.sh` (all scenarios, rewrites this file) — the fast subset also runs in `./test.sh` (trait `Chaos=fast`).");
        md.AppendLine();
        md.AppendLine("Each scenario: a new tutor with 4 e-mail-only students and 4 Telegram students (invited through the bot, e-mail set");
        md.AppendLine("with /email), a burst of real `POST /api/v1/events/{lessons/completed,homework/assigned,payments/received}` through");
        md.AppendLine("the gateway (4 in flight, retried on 5xx/refused with the same ids), the fault caused after a quarter of it, then");
        md.AppendLine("exact counts once settled (at most 120 s). Dashboard = lessons/homework/revenue (minor units) against the accepted");
        md.AppendLine("events; stuck = deliveries not sent/failed/suppressed plus outbox rows not published; 500s = HTTP 500 answers to");
        md.AppendLine("any call, including a dashboard read every second during the burst; recovery = from the fault's end until every");
        md.AppendLine("count was exact. Announced = deliveries the notification service claimed again after a lease ran out with no");
        md.AppendLine("outcome (an instance killed between the provider's answer and the row's \"Sent\"), counted in");
        md.AppendLine("`repitbot_notification_lease_expirations_total`: each may reach its reader twice, since neither the Bot API nor");
        md.AppendLine("SMTP can be asked whether a message already arrived. A duplicate that was not announced fails the scenario.");
        md.AppendLine();
        md.AppendLine("| scenario | accepted | stored | dashboard (expected) | e-mails exp/sent/dup | telegram exp/sent/dup | announced | stuck | 500s | recovery | result |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Accepted}/{r.Sent} | {r.Stored} | {r.Dashboard} ({r.DashboardExpected}) | {r.EmailsExpected}/{r.EmailsSent}/{r.EmailDuplicates} | {r.TelegramExpected}/{r.TelegramSent}/{r.TelegramDuplicates} | {r.Announced} | {r.Stuck} | {r.InternalErrors} | {(r.Recovery is { } t ? $"{t.TotalSeconds:0} s" : "never")} | {(r.Passed ? "pass" : "**FAIL**")} |");
        }

        md.AppendLine();
        md.AppendLine("## Faults and findings");
        md.AppendLine();
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Name}** — {r.Fault}. HTTP answers: {r.Calls}.");
            foreach (var problem in r.Problems.Take(12))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  - {problem.Replace("|", "\\|", StringComparison.Ordinal)}");
            }

            if (r.Problems.Count > 12)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  - … and {r.Problems.Count - 12} more");
            }
        }

        File.WriteAllText(path, md.ToString());
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"])
            {
                RedirectStandardOutput = true,
                WorkingDirectory = RepoPaths.Root,
            })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
