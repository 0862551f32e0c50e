using Repitbot.Chaos.Suite;

namespace Repitbot.Chaos.Scenarios;

/// <summary>
/// The subset ./test.sh runs (trait Chaos=fast, a few minutes on two cores): the outages operators actually saw lose
/// data or stop e-mail — PostgreSQL killed. Redis killed and brought back from an older snapshot runs in ./test.sh as
/// tests/analytics/Recovery (a private redis-server, kill -9); its burst scenario here is in the full set.
/// </summary>
[Collection(ChaosDefinition.Name)]
[Trait("Chaos", "fast")]
public sealed class FastChaosTests(ChaosSuite suite)
{
    [Fact]
    public Task PostgreSQL_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ServerKill("postgres"));
}
