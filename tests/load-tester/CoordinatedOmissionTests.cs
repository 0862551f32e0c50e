using System.Diagnostics;
using System.Net.Sockets;
using HdrHistogram;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Tests;

/// <summary>
/// The latency of an operation counts from when it was meant to start. These tests use only lower
/// bounds that hold on any machine however slow: a slower machine makes the figures larger, never smaller.
/// </summary>
public class CoordinatedOmissionTests
{
    [Fact]
    public void Latency_counts_from_the_intended_start_not_the_actual_send()
    {
        var frequency = Stopwatch.Frequency;
        // Meant to start at t=0, sent at t=900 ms (the generator was stalled), answered at t=1000 ms.
        Assert.Equal(1_000_000, Latency.MicrosecondsSinceIntended(0, frequency, frequency));
        var intended = DateTimeOffset.UnixEpoch;
        Assert.Equal(250_000, Latency.MicrosecondsSinceIntended(intended, intended.AddMilliseconds(250)));
        Assert.Equal(0, Latency.MicrosecondsSinceIntended(intended, intended.AddMilliseconds(-5)));
    }

    [Fact]
    public async Task Operations_queued_behind_a_slow_one_carry_the_wait_in_their_latency()
    {
        // 20 operations meant 1 ms apart, one at a time, each taking at least 20 ms: operation i cannot
        // finish before (i + 1) × 20 ms, so measured from its intended start (i ms) it took at least 19 i + 20 ms.
        // Timed from its actual send each would look like ~20 ms: the stall would vanish from the figures.
        var recorder = new ResultRecorder();
        var runner = new OpenModelRunner(recorder);
        var plan = new RunPlan(new ArrivalSchedule(1000), 20, TimeSpan.FromSeconds(10), Concurrency: 1, TimeSpan.FromSeconds(30));
        await runner.RunAsync(plan, "op", async (_, ct) =>
        {
            await Task.Delay(20, ct);
            return Outcome.Ok("op");
        }, CancellationToken.None);

        var histogram = recorder.Tally("op").Histogram;
        Assert.Equal(20, histogram.TotalCount);
        Assert.True(histogram.GetMaxValue() >= ((19 * 19) + 20) * 1000 * 0.999, $"max {histogram.GetMaxValue()} µs");
        Assert.True(histogram.GetValueAtPercentile(50) >= ((19 * 9) + 20) * 1000 * 0.999, $"p50 {histogram.GetValueAtPercentile(50)} µs");
    }

    [Fact]
    public async Task Failures_are_counted_by_kind_and_kept_out_of_the_latency_histogram()
    {
        var recorder = new ResultRecorder();
        var runner = new OpenModelRunner(recorder);
        var plan = new RunPlan(new ArrivalSchedule(null), 30, TimeSpan.FromSeconds(10), 4, TimeSpan.FromSeconds(30));
        await runner.RunAsync(plan, "op", (context, _) => context.Slot(3) switch
        {
            0 => throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)),
            1 => Task.FromResult(Outcome.Failed("op", "http_503")),
            _ => Task.FromResult(Outcome.Ok("op")),
        }, CancellationToken.None);

        var tally = recorder.Tally("op");
        Assert.Equal(10, tally.Histogram.TotalCount);
        Assert.Equal(10, tally.Errors["connection_refused"]);
        Assert.Equal(10, tally.Errors["http_503"]);
        Assert.Equal(30, recorder.Completed);
        Assert.Equal(20, recorder.Failed);
    }

    [Fact]
    public async Task An_operation_past_its_time_limit_is_a_timeout()
    {
        var recorder = new ResultRecorder();
        var plan = new RunPlan(new ArrivalSchedule(null), 2, TimeSpan.FromSeconds(10), 2, TimeSpan.FromMilliseconds(50));
        await new OpenModelRunner(recorder).RunAsync(plan, "slow", async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Outcome.Ok("slow");
        }, CancellationToken.None);

        Assert.Equal(2, recorder.Tally("slow").Errors[ErrorKinds.Timeout]);
    }
}
