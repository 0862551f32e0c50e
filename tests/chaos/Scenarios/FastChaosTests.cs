using Repitbot.Chaos.Suite;

namespace Repitbot.Chaos.Scenarios;

/// <summary>
/// The subset ./test.sh runs (trait Chaos=fast, a few minutes on two cores): the outages operators actually saw lose
/// data or stop e-mail — PostgreSQL and Redis killed.
/// </summary>
[Collection(ChaosDefinition.Name)]
[Trait("Chaos", "fast")]
public sealed class FastChaosTests(ChaosSuite suite)
{
    [Fact]
    public Task PostgreSQL_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ServerKill("postgres"));

    [Fact]
    public Task Redis_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ServerKill("redis"));
}
