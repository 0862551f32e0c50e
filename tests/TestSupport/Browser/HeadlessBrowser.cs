using Xunit;

namespace Repitbot.TestSupport.Browser;

/// <summary>
/// Headless Chromium, for what only a browser shows: a page whose content its own scripts fetch and draw.
/// deploy/local/browser.sh installs Debian's chromium package when it is missing, so a fresh machine needs
/// nothing preinstalled; when that fails the test fails with the script's reason, it is never skipped.
/// </summary>
public static class HeadlessBrowser
{
    private static readonly Lazy<Task<string>> Executable = new(InstallAsync);

    /// <summary>
    /// The page's DOM once its scripts had <paramref name="scriptTime"/> of virtual time (fetches included)
    /// to finish, as <c>chromium --dump-dom</c> prints it.
    /// </summary>
    public static async Task<string> RenderAsync(Uri page, TimeSpan? scriptTime = null)
    {
        var chromium = await Executable.Value;
        // A profile of its own: two renders at once (parallel test projects) must not share one.
        var profile = Directory.CreateTempSubdirectory("repitbot-chromium-");
        try
        {
            var budget = (int)(scriptTime ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
            var (exitCode, stdout, stderr) = await Shell.RunAsync(chromium,
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 $"--user-data-dir={profile.FullName}", $"--virtual-time-budget={budget}", "--dump-dom", page.ToString()],
                timeout: TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0 && stdout.Length > 0, $"chromium --dump-dom {page} exited with {exitCode}:\n{stderr}");
            return stdout;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<string> InstallAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "deploy", "local", "browser.sh");
        // The first run on a fresh machine downloads the package: minutes, not seconds.
        var (exitCode, stdout, stderr) = await Shell.RunAsync(script, [], timeout: TimeSpan.FromMinutes(15));
        var path = stdout.Trim();
        Assert.True(exitCode == 0 && File.Exists(path),
            $"Chromium is needed to check pages in a browser and {script} could not provide it (exit {exitCode}):\n{stderr}");
        return path;
    }
}
