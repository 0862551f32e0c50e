namespace Repitbot.TestSupport;

public static class RepoPaths
{
    /// <summary>The folder holding Repitbot.sln, found from the test's own location.</summary>
    public static string Root { get; } = FindRoot();

    public static string Local => Environment.GetEnvironmentVariable("REPITBOT_LOCAL_DIR") ?? Path.Combine(Root, ".local");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Repitbot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repitbot.sln not found above " + AppContext.BaseDirectory);
    }
}
