namespace Repitbot.TestSupport;

/// <summary>
/// The settings ./run.sh gives a service (deploy/local/env/*.env), so tests run against exactly the
/// infrastructure a developer runs.
/// </summary>
public static class LocalEnvironment
{
    public static Dictionary<string, string> For(string service)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in new[] { "common", service })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "local", "env", file + ".env")))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }

                var (key, value) = (trimmed[..trimmed.IndexOf('=')], trimmed[(trimmed.IndexOf('=') + 1)..]);
                settings[key] = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
            }
        }

        // ./test.sh runs the tests against a database and a Redis database of their own (TestData), so a
        // running ./run.sh keeps its rows and its aggregates; a second working copy picks yet another.
        if (settings.TryGetValue("ConnectionStrings__Postgres", out var connectionString))
        {
            settings["ConnectionStrings__Postgres"] = connectionString.Replace("Database=repitbot;", $"Database={TestData.Database};", StringComparison.Ordinal);
        }

        if (settings.TryGetValue("ConnectionStrings__Redis", out var redis) && TestData.RedisDatabase is { } redisDatabase)
        {
            settings["ConnectionStrings__Redis"] = $"{redis},defaultDatabase={redisDatabase}";
        }

        return settings;
    }

    /// <summary>The same settings in configuration-key form (<c>A:B</c>) for a test host.</summary>
    public static Dictionary<string, string?> AsConfiguration(this Dictionary<string, string> environment) =>
        environment.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value);
}
