using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Repitbot.Hosting.Observability;

/// <summary>
/// Log levels every service starts from. Without them ASP.NET Core writes two Information lines per
/// request (and starts an Activity for each, see below) and EF Core one per SQL command, which under load costs more CPU than the work they
/// describe. Added as the lowest-priority configuration source, so appsettings.json and
/// <c>Logging__LogLevel__*</c> variables still override any of them.
/// </summary>
public static class LogLevelDefaults
{
    private static readonly Dictionary<string, string?> Levels = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // Its only lines are the two per request; while any level of it is on, ASP.NET Core starts an Activity for
        // every request to scope them, and HttpClient then writes trace headers and tags on every call it makes (the
        // gateway's proxied calls most of all: BENCHMARKS.md, "Sessions, per-request work and this machine's ceiling").
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Yarp"] = "Warning",
    };

    public static void Apply(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
}
