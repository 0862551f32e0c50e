using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Pipeline;
using Repitbot.LoadTester.Report;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Tests;

/// <summary>The pipeline step's accounting: e-mail latency from scheduled times, exactly-once counting, CPU from /proc.</summary>
public class PipelineAccountingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Mail_latency_counts_from_the_lessons_scheduled_time()
    {
        var ledger = new MailLedger();
        // 100 lessons scheduled 10 ms apart; lesson i's mail written (i + 1) ms after its schedule, whenever it was posted.
        var lessons = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < lessons.Length; i++)
        {
            ledger.Sent(lessons[i], T0.AddMilliseconds(10 * i), step: 0);
        }

        for (var i = 0; i < lessons.Length; i++)
        {
            ledger.Delivered(lessons[i], T0.AddMilliseconds((10 * i) + i + 1));
        }

        var tally = ledger.Tally(0);
        var latency = RowSummary.Summarize(tally.Latencies)!;
        Assert.Equal(50, latency.P50, 0.1);
        Assert.Equal(99, latency.P99, 0.1);
        Assert.Equal(100, latency.Max, 0.1);
        Assert.Equal(T0.AddMilliseconds(990 + 100), tally.LastWrittenAt);
    }

    [Fact]
    public void A_lesson_mailed_twice_is_a_duplicate_and_one_never_mailed_is_lost()
    {
        var ledger = new MailLedger();
        Guid once = Guid.NewGuid(), twice = Guid.NewGuid(), never = Guid.NewGuid(), otherStep = Guid.NewGuid();
        ledger.Sent(once, T0, 1);
        ledger.Sent(twice, T0, 1);
        ledger.Sent(never, T0, 1);
        ledger.Sent(otherStep, T0, 2);
        ledger.Delivered(once, T0.AddMilliseconds(100));
        ledger.Delivered(twice, T0.AddMilliseconds(300));
        ledger.Delivered(twice, T0.AddMilliseconds(200)); // the earlier copy is the delivery, the later one the duplicate
        ledger.Delivered(Guid.NewGuid(), T0);              // not a lesson of this run

        var tally = ledger.Tally(1);
        Assert.Equal((3L, 2L, 1L, 1L), (tally.Sent, tally.Delivered, tally.Lost, tally.Duplicated));
        Assert.False(tally.ExactlyOnce);
        Assert.Equal(200, RowSummary.Summarize(tally.Latencies)!.Max, 0.5);
        Assert.Equal(1, ledger.Unknown);
        Assert.False(ledger.Complete(1));
        Assert.False(ledger.Complete(2));
        ledger.Delivered(otherStep, T0);
        Assert.True(ledger.Complete(2));
        Assert.True(ledger.Tally(2).ExactlyOnce);
    }

    [Fact]
    public void Proc_stat_lines_give_user_plus_system_ticks_even_when_the_name_holds_spaces_and_parentheses()
    {
        // Fields 3.. after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // priority nice threads itrealvalue starttime ...
        const string line = "4242 (Repitbot (bot) gw) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 31 0 98765 300000000 60000";
        Assert.Equal(new ProcessCpu(4242, 98765, 1234 + 567), ProcessCpu.Parse(line));
        Assert.Null(ProcessCpu.Parse("garbage"));
        Assert.Null(ProcessCpu.Parse("12 (short) S 1 2"));
    }

    [Fact]
    public void Cpu_deltas_sum_a_groups_processes_count_new_ones_from_zero_and_tell_a_reused_pid_apart()
    {
        var before = new CpuSnapshot();
        before.Add("postgres", new ProcessCpu(10, 1, 500));
        before.Add("postgres", new ProcessCpu(11, 1, 200));
        before.Add("bot-gateway", new ProcessCpu(20, 5, 1_000));
        before.Add("smtp", new ProcessCpu(30, 7, 50));
        var after = new CpuSnapshot();
        after.Add("postgres", new ProcessCpu(10, 1, 530));      // +30 ticks
        after.Add("postgres", new ProcessCpu(12, 900, 7));      // started during the step: +7
        after.Add("bot-gateway", new ProcessCpu(20, 5, 1_150)); // +150
        after.Add("smtp", new ProcessCpu(30, 950, 4));          // pid 30 reused by a new process: +4, not -46

        var used = CpuSnapshot.Delta(before, after, ticksPerSecond: 100);
        Assert.Equal(370, used["postgres"]);
        Assert.Equal(1_500, used["bot-gateway"]);
        Assert.Equal(40, used["smtp"]);
    }

    [Theory]
    [InlineData("postgres", "postgres: bot_gateway repitbot_pipeline 127.0.0.1(5000) idle", ProcessGroups.PostgresBackends)]
    [InlineData("postgres", "postgres: notification repitbot_test 127.0.0.1(5001) idle", null)]
    [InlineData("postgres", "postgres: autovacuum worker repitbot_pipeline", ProcessGroups.PostgresBackends)]
    [InlineData("postgres", "postgres: checkpointer ", ProcessGroups.PostgresServer)]
    [InlineData("postgres", "postgres: walwriter ", ProcessGroups.PostgresServer)]
    [InlineData("postgres", "/usr/lib/postgresql/15/bin/postgres -D /data -p 5432", ProcessGroups.PostgresServer)]
    [InlineData("beam.smp", "/usr/lib/erlang/erts-13.1.5/bin/beam.smp -W w", "rabbitmq")]
    [InlineData("redis-server", "redis-server 127.0.0.1:6379", "redis")]
    [InlineData("python3", "/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:2525", "smtp")]
    [InlineData("bash", "bash", null)]
    public void Server_processes_are_grouped_and_other_databases_backends_left_out(string comm, string commandLine, string? group) =>
        Assert.Equal(group, ProcessGroups.Classify(comm, commandLine, "repitbot_pipeline"));

    [Fact]
    public void A_step_passes_only_with_both_p99s_within_limits_every_mail_once_and_the_dashboard_equal_to_what_was_posted()
    {
        var good = Step(restP99: 40, mailMs: 300, dashboardShown: 10);
        Assert.True(good.Passed);
        Assert.Equal(new Dictionary<string, double> { ["bot-gateway"] = 4 }, good.CpuMsPerLesson());
        // 5 ms/s idle over the 2 s window is 10 of the 40 ms: 3 ms per lesson are the lessons'.
        Assert.Equal(new Dictionary<string, double> { ["bot-gateway"] = 3 }, good.NetCpuMsPerLesson(new Dictionary<string, double> { ["bot-gateway"] = 5 }));

        var failures = Step(restP99: 150, mailMs: 1500, dashboardShown: 9).Failures();
        Assert.Contains("REST p99 > 100 ms", failures);
        Assert.Contains("e-mail p99 > 1000 ms", failures);
        Assert.Contains("dashboard 9 ≠ 10", failures);
    }

    [Fact]
    public void The_mailbox_counts_each_mail_file_once_whatever_its_parts_and_a_second_file_as_a_duplicate()
    {
        var maildir = Directory.CreateTempSubdirectory("pipeline-maildir-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(maildir, "new"));
            var mailbox = new LessonMailbox(maildir, "abcd1234");
            var other = new LessonMailbox(maildir, "ffff0000");
            Guid first = Guid.NewGuid(), second = Guid.NewGuid();
            var subject = mailbox.Subject(first);
            File.WriteAllText(Path.Combine(maildir, "new", "1"), $"text: ({subject})\n<p>({subject})</p>");
            File.WriteAllText(Path.Combine(maildir, "new", "2"), $"again ({subject})");
            // Quoted-printable soft line break inside the marker.
            var wrapped = mailbox.Subject(second);
            File.WriteAllText(Path.Combine(maildir, "new", "3"), $"({wrapped[..20]}=\r\n{wrapped[20..]})");
            File.WriteAllText(Path.Combine(maildir, "new", "4"), $"({other.Subject(Guid.NewGuid())})");
            var ledger = new MailLedger();
            ledger.Sent(first, T0, 0);
            ledger.Sent(second, T0, 0);

            Assert.Equal(3, mailbox.Scan(ledger, DateTimeOffset.UnixEpoch));
            Assert.Equal(0, mailbox.Scan(ledger, DateTimeOffset.UnixEpoch)); // files already read are not counted again
            var tally = ledger.Tally(0);
            Assert.Equal((2L, 0L, 1L), (tally.Delivered, tally.Lost, tally.Duplicated));
        }
        finally
        {
            Directory.Delete(maildir, recursive: true);
        }
    }

    [Theory]
    [InlineData("50,100, 200", new[] { 50.0, 100, 200 })]
    [InlineData("7.5", new[] { 7.5 })]
    public void Rates_are_a_comma_separated_list(string text, double[] rates) =>
        Assert.Equal(rates, PipelineScenario.ParseRates(text));

    [Theory]
    [InlineData("50,fast")]
    [InlineData("0")]
    [InlineData(",")]
    public void Bad_rates_are_a_usage_error(string text) =>
        Assert.Throws<UsageException>(() => PipelineScenario.ParseRates(text));

    [Fact]
    public void The_report_keeps_what_people_wrote_below_the_marker()
    {
        var results = new ResultSet(Path.Combine(Path.GetTempPath(), "no-such-results-" + Guid.NewGuid().ToString("N")));
        var previous = $"# Benchmarks\nold table\n{BenchmarkReport.KeptMarker}\n## Pipeline: where the time goes\nbefore: 9 ms\n";
        var markdown = BenchmarkReport.Markdown([], results, "machine", "./bench.sh", previous);
        Assert.DoesNotContain("old table", markdown, StringComparison.Ordinal);
        Assert.EndsWith($"{BenchmarkReport.KeptMarker}\n## Pipeline: where the time goes\nbefore: 9 ms\n", markdown, StringComparison.Ordinal);
    }

    private static PipelineStep Step(double restP99, double mailMs, long dashboardShown)
    {
        var ledger = new MailLedger();
        for (var i = 0; i < 10; i++)
        {
            var lesson = Guid.NewGuid();
            ledger.Sent(lesson, T0, 0);
            ledger.Delivered(lesson, T0.AddMilliseconds(mailMs));
        }

        var rest = new RowResult
        {
            Name = "rest", Count = 10, Succeeded = 10, LatencyMs = new LatencySummary(restP99 / 2, restP99, restP99, restP99, restP99, restP99 / 2),
        };
        return new PipelineStep(100, rest, ledger.Tally(0), T0, 10, dashboardShown, 50, new Dictionary<string, double> { ["bot-gateway"] = 40 },
            CpuWindowSeconds: 2);
    }
}
