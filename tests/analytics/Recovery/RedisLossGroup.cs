namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>
/// Tests that flush or roll back the shared Redis database: they run alone, after every parallel test,
/// so no other test sees its aggregates vanish or a rebuild rewrite them underneath it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisLossGroup
{
    public const string Name = "Redis loss";
}
