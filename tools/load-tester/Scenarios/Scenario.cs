using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// One scenario per file. It names what it talks to (checked against the loopback guard before
/// anything connects), prepares its data, drives operations through <see cref="ScenarioRun"/> and
/// returns its rows.
/// </summary>
public abstract class Scenario
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    /// <summary>The --rate when none is given; null means "max".</summary>
    public virtual double? DefaultRate => 50;

    public abstract IEnumerable<Target> Targets(CommandLine options);

    public abstract Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken);
}
