using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>The options, bounds and recorder of one scenario run, and the open-model driver with its progress line.</summary>
public sealed class ScenarioRun(CommandLine options, RunPlan plan, string label, bool quiet, TextWriter progressOutput)
{
    public CommandLine Options { get; } = options;

    public RunPlan Plan { get; } = plan;

    public string Label { get; } = label;

    public ResultRecorder Recorder { get; } = new();

    public DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// Runs the plan's operations through the open-model runner with a live progress line. The run starts
    /// (<see cref="StartedAt"/>) after the warm-up operations and <paramref name="warmedUp"/>.
    /// </summary>
    public async Task<TimeSpan> DriveAsync(string operation, Func<OperationContext, CancellationToken, Task<Outcome>> execute,
        CancellationToken cancellationToken, Func<CancellationToken, Task>? warmedUp = null)
    {
        var runner = new OpenModelRunner(Recorder);
        StartedAt = DateTimeOffset.UtcNow;
        await using var progress = new ProgressLine(Label, Plan.Planned, Recorder, runner, progressOutput,
            interactive: !Console.IsErrorRedirected);
        if (!quiet)
        {
            progress.Start();
        }

        return await runner.RunAsync(Plan, operation, execute, cancellationToken, async ct =>
        {
            if (warmedUp is not null)
            {
                await warmedUp(ct);
            }

            StartedAt = DateTimeOffset.UtcNow;
        });
    }

    /// <summary>For a scenario that drives its own runners (the pipeline's steps): the measured part starts now.</summary>
    public void MarkStarted() => StartedAt = DateTimeOffset.UtcNow;

    public ScenarioResult Result(string scenario, IEnumerable<RowResult> rows, TimeSpan elapsed, string? target = null) => new()
    {
        Scenario = scenario,
        Label = Label,
        StartedAt = StartedAt,
        RatePerSecond = Plan.Schedule.RatePerSecond,
        Planned = Plan.Planned,
        ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
        Target = target,
        Rows = rows.ToList(),
    };
}
