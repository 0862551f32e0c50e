namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>
/// Tests that read the process-wide cache counters: they run alone, after every parallel test, so no other
/// test's reads land in the hits and misses they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CacheCountingGroup : ICollectionFixture<ReadSideFactory>
{
    public const string Name = "cache counting";
}
