using System.Collections.Concurrent;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Tests;

/// <summary>
/// A scenario whose warm-up counts only once the system under test has processed it (ingest-bus waits until
/// analytics stored the warm-up events) gets a hook between the warm-up and the measured operations.
/// </summary>
public class WarmupTests
{
    [Fact]
    public async Task The_warmed_up_hook_runs_after_every_warm_up_operation_and_before_the_first_measured_one()
    {
        var recorder = new ResultRecorder();
        var runner = new OpenModelRunner(recorder);
        var plan = new RunPlan(new ArrivalSchedule(null), 5, TimeSpan.FromSeconds(10), Concurrency: 2, TimeSpan.FromSeconds(30),
            Warmup: 3);
        var log = new ConcurrentQueue<string>();
        await runner.RunAsync(plan, "op", (context, _) =>
        {
            log.Enqueue(context.IsWarmup ? "warm-up" : "measured");
            return Task.FromResult(Outcome.Ok("op"));
        }, CancellationToken.None, async _ =>
        {
            await Task.Yield();
            log.Enqueue("hook");
        });

        Assert.Equal(["warm-up", "warm-up", "warm-up", "hook", "measured", "measured", "measured", "measured", "measured"], log.ToArray());
        Assert.Equal(5, recorder.Tally("op").Histogram.TotalCount);
    }
}
