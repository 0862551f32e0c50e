using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Pipeline;
using Repitbot.LoadTester.Report;

namespace Repitbot.LoadTester.Tests;

/// <summary>pipeline-mixed: the mix schedule, the ledger per kind, finding each kind's mail, and its lines of the table.</summary>
public class MixedPipelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lessons_are_scheduled_only_in_the_first_half_of_a_step_and_the_burst_comes_after_the_last_of_them()
    {
        // 20/s for 10 s: 200 arrivals, the first 100 in the scheduling window.
        var schedule = new MixSchedule(20, TimeSpan.FromSeconds(10));
        var kinds = Enumerable.Range(0, 200).Select(i => schedule.KindAt(i)).ToList();
        Assert.Equal(100, schedule.SchedulingArrivals);
        Assert.Equal(20, kinds.Take(100).Count(k => k == MixSchedule.Scheduled));
        Assert.DoesNotContain(MixSchedule.Scheduled, kinds.Skip(100));
        // The other kinds keep their share all step long; a scheduled lesson's turn later goes to a completed lesson.
        Assert.Equal(40, kinds.Count(k => k == MixSchedule.Payment));
        Assert.Equal(40, kinds.Count(k => k == MixSchedule.Homework));
        Assert.Equal(100, kinds.Count(k => k == MixSchedule.Completed));
        Assert.Equal(20, schedule.ScheduledCount);
        Assert.Equal(TimeSpan.FromSeconds(7.5), schedule.BurstOffset);
        Assert.True(schedule.BurstOffset.TotalSeconds * 20 > schedule.SchedulingArrivals, "the burst falls after every lesson is scheduled");
    }

    [Fact]
    public void Each_scheduled_lesson_of_a_step_has_a_student_of_its_own_and_the_run_creates_enough_of_them()
    {
        var schedule = new MixSchedule(50, TimeSpan.FromSeconds(8));
        var ordinals = Enumerable.Range(0, 400).Where(i => schedule.KindAt(i) == MixSchedule.Scheduled)
            .Select(i => MixSchedule.ScheduledOrdinal(i)).ToList();
        Assert.Equal(ordinals.Count, ordinals.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, ordinals.Count), ordinals);
        Assert.Equal(ordinals.Count, MixSchedule.MostScheduled([10, 50, 20], TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public void Payment_amounts_are_unique_in_a_run()
    {
        var amounts = Enumerable.Range(-1, 4).SelectMany(step => Enumerable.Range(0, 1000).Select(i => MixedLoad.PaymentAmount(step, i))).ToList();
        Assert.Equal(amounts.Count, amounts.Distinct().Count());
        Assert.All(amounts, a => Assert.Equal(0, a % 100));
    }

    [Fact]
    public void The_ledger_tallies_each_kind_apart_and_a_reminder_from_its_due_time()
    {
        var ledger = new MailLedger();
        ledger.Expect("a", T0, 0, MixSchedule.Completed);
        ledger.Expect("b", T0, 0, MixSchedule.Payment);
        ledger.Expect("c", T0, 0, MixSchedule.Payment);
        ledger.Expect("r", T0.AddSeconds(6), 0, MixSchedule.Reminder);
        ledger.Expect("other", T0, 1, MixSchedule.Homework);
        ledger.Delivered("a", T0.AddMilliseconds(100));
        ledger.Delivered("b", T0.AddMilliseconds(200));
        ledger.Delivered("b", T0.AddMilliseconds(900));
        ledger.Delivered("r", T0.AddSeconds(6).AddMilliseconds(400)); // 400 ms after it fell due, not 6.4 s

        Assert.Equal([MixSchedule.Completed, MixSchedule.Payment, MixSchedule.Reminder], ledger.Kinds(0));
        var payments = ledger.Tally(0, MixSchedule.Payment);
        Assert.Equal((2L, 1L, 1L, 1L), (payments.Sent, payments.Delivered, payments.Lost, payments.Duplicated));
        Assert.InRange(RowSummary.Summarize(ledger.Tally(0, MixSchedule.Reminder).Latencies)!.Max, 399, 401);
        var all = ledger.Tally(0);
        Assert.Equal((4L, 3L, 1L, 1L), (all.Sent, all.Delivered, all.Lost, all.Duplicated));
        Assert.Equal(1, ledger.Tally(1).Lost);
    }

    [Fact]
    public void Each_kind_of_mail_is_found_under_the_key_its_arrival_expected()
    {
        var mailbox = new MixedMailbox("/nonexistent", "abcd1234");
        var id = Guid.NewGuid();
        mailbox.Burst(0, T0.AddSeconds(6));
        mailbox.Burst(1, T0.AddSeconds(40));
        var to = $"X-RcptTo: {mailbox.Address("r7")}\n";

        Assert.Equal(MailLedger.Key(id), mailbox.KeyOf($"Subject: Homework: {mailbox.Subject(id)}\n\nNew homework for you: {mailbox.Subject(id)}.", T0));
        Assert.Equal(MixedMailbox.PaymentKey(200_000_100), mailbox.KeyOf(
            $"{to}Subject: =?utf-8?B?UGF5bWVudA==?=\n\nHello, Pipeline student r7!\nWe received ₽2,000,001.00 from you, covering 4 lessons. Thank you!", T0));
        const string reminder = "Hello, Pipeline student r7!\nIn 0 h: your lesson on 7 December 2026, 10:00.\nRepitbot";
        Assert.Equal(MixedMailbox.ReminderKey("r7", 0), mailbox.KeyOf(to + reminder, T0.AddSeconds(6.5)));
        Assert.Equal(MixedMailbox.ReminderKey("r7", 1), mailbox.KeyOf(to + reminder, T0.AddSeconds(41)));
        // Before any burst it cannot be this run's reminder; another run's student and a balance warning are not followed.
        Assert.NotEqual(MixedMailbox.ReminderKey("r7", 0), mailbox.KeyOf(to + reminder, T0));
        Assert.Null(mailbox.KeyOf("X-RcptTo: pipeline-ffff0000-r7@load.repitbot.local\n" + reminder, T0.AddSeconds(7)));
        Assert.Null(mailbox.KeyOf(to + "Your balance is ₽0.00 (0 lessons left). Time to top up.", T0.AddSeconds(7)));
    }

    [Fact]
    public async Task The_table_has_a_mixed_sustained_line_and_each_steps_p99s_with_the_kinds()
    {
        var folder = Directory.CreateTempSubdirectory("mixed-results-").FullName;
        try
        {
            var reminder = new RowResult
            {
                Name = "email reminder 20/s", LatencyMs = new LatencySummary(300, 700, 1_400, 1_500, 1_500, 400),
                Extra = new Dictionary<string, double> { ["lost"] = 0, ["duplicated"] = 0 },
            };
            var result = new ScenarioResult
            {
                Scenario = "pipeline-mixed", Label = "pipeline-mixed", StartedAt = T0,
                Rows =
                [
                    new RowResult { Name = "rest 10/s", LatencyMs = new LatencySummary(5, 8, 12, 12, 12, 6) },
                    new RowResult { Name = "email 10/s", LatencyMs = new LatencySummary(90, 150, 240, 240, 240, 100), Extra = new() { ["lost"] = 0, ["duplicated"] = 0 } },
                    new RowResult { Name = "step 10/s", Note = "passed", Extra = new() { ["passed"] = 1 } },
                    new RowResult { Name = "rest 20/s", LatencyMs = new LatencySummary(6, 9, 14, 14, 14, 7) },
                    new RowResult { Name = "email 20/s", LatencyMs = new LatencySummary(95, 400, 1_400, 1_500, 1_500, 200), Extra = new() { ["lost"] = 0, ["duplicated"] = 0 } },
                    reminder,
                    new RowResult { Name = "step 20/s", Note = "failed: e-mail p99 > 1000 ms", Extra = new() { ["passed"] = 0 } },
                    new RowResult { Name = "sustained", ThroughputPerSecond = 10 },
                ],
            };
            await JsonReport.WriteAsync(result, Path.Combine(folder, "pipeline-mixed.json"));

            var figures = PipelineFigures.From(new ResultSet(folder)).ToList();
            Assert.Equal("-", figures.Single(f => f.Name.StartsWith("pipeline sustained", StringComparison.Ordinal)).Value);
            Assert.Equal("10.0/s", figures.Single(f => f.Name.StartsWith("pipeline mixed sustained", StringComparison.Ordinal)).Value);
            var failed = figures.Single(f => f.Name == "pipeline mixed at 20/s: REST p99 / e-mail p99");
            Assert.Equal("14 ms / 1.40 s", failed.Value);
            Assert.False(failed.Met);
            Assert.Contains("reminder p50 300 ms / p99 1.40 s", failed.Note, StringComparison.Ordinal);
            Assert.True(figures.Single(f => f.Name == "pipeline mixed at 10/s: REST p99 / e-mail p99").Met);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
