namespace Repitbot.TestSupport;

/// <summary>
/// Where the tests keep their data: ./test.sh sets REPITBOT_DATABASE and REPITBOT_REDIS_DATABASE (and
/// creates that database with <c>infra.sh database</c>), so tests never touch the rows of a running ./run.sh.
/// </summary>
public static class TestData
{
    public static string Database =>
        Environment.GetEnvironmentVariable("REPITBOT_DATABASE") is { Length: > 0 } database ? database : "repitbot";

    /// <summary>The Redis database index, or null for the server's default (0, the one ./run.sh uses).</summary>
    public static int? RedisDatabase =>
        int.TryParse(Environment.GetEnvironmentVariable("REPITBOT_REDIS_DATABASE"), out var index) ? index : null;
}
