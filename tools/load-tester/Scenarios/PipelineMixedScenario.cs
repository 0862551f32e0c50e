using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Pipeline;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// Issue 19's mixed run: the pipeline's stepped rates (<see cref="PipelineScenario"/>) with a mix of arrivals
/// (<see cref="MixSchedule"/>): completed lessons, payments, homework, and lessons scheduled so that their reminders
/// all fall due at one instant mid-step (the top of the hour). Every mail that should result is followed to the
/// Maildir exactly once (<see cref="MixedMailbox"/>), its latency from when it was due; the same pass rule per step.
/// </summary>
public sealed class PipelineMixedScenario : Scenario
{
    private const int Students = 20;

    public override string Name => "pipeline-mixed";

    public override string Summary =>
        "lessons, payments, homework and a burst of reminders over REST through --gateway at each of --rates, each mail followed in --maildir";

    public override IEnumerable<Target> Targets(CommandLine options) => [new("gateway", options.Require("gateway"))];

    public override Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var lead = TimeSpan.FromSeconds(run.Options.GetSeconds("reminder-lead", 30));
        return PipelineScenario.RunSteppedAsync(run, Name, async (setup, ct) =>
        {
            // One student per lesson scheduled in the largest step (the warm-up's included): a reminder names no lesson,
            // only its reader and the lesson's time, which all lessons of a step share.
            var warmDuration = TimeSpan.FromSeconds(setup.Warmup / setup.Rates[0]);
            var needed = Math.Max(MixSchedule.MostScheduled(setup.Rates, setup.Duration), new MixSchedule(setup.Rates[0], warmDuration).ScheduledCount);

            var students = await setup.Client.CreateStudentsAsync(setup.RunId, "", Students, 4, ct);
            var reminderStudents = await setup.Client.CreateStudentsAsync(setup.RunId, MixedLoad.ReminderPrefix, (int)needed, 8, ct);
            return new MixedLoad(setup.Client, new MixedMailbox(setup.Maildir, setup.RunId), students, reminderStudents, lead);
        }, cancellationToken);
    }
}
