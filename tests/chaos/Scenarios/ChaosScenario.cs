using Repitbot.Chaos.Suite;
using Repitbot.Chaos.Traffic;

namespace Repitbot.Chaos.Scenarios;

/// <summary>
/// A fault: how it is caused mid-burst, how long it lasts and how it ends. <paramref name="BlockOneChat"/>: the first
/// Telegram student has blocked the bot before the burst (a permanent per-user failure rather than an outage).
/// <paramref name="StoppedGracefully"/>: the service a SIGTERM stops; a graceful stop must leave no lease behind.
/// </summary>
public sealed record ChaosScenario(
    string Name,
    string Fault,
    Func<ChaosSuite, Task> Inject,
    Func<ChaosSuite, Task> Restore,
    TimeSpan Outage,
    int Events = 100,
    bool BlockOneChat = false,
    string? StoppedGracefully = null)
{
    /// <summary>What README.md promises: a service exits within 20 s of SIGTERM (ShutdownRegistration.HostTimeout).</summary>
    public static readonly TimeSpan StopBound = TimeSpan.FromSeconds(20);

    public static ChaosScenario ServerKill(string server, int events = 100) => new(
        $"{server} kill -9",
        $"`infra.sh kill {server}` after a quarter of the burst, ~10 s down, `infra.sh up {server}`",
        suite => suite.Infrastructure.KillAsync(server),
        suite => suite.Infrastructure.UpAsync(server),
        TimeSpan.FromSeconds(10),
        events);

    public static ChaosScenario ProcessKill(string service, int events = 100) => new(
        $"{service} kill -9",
        $"SIGKILL of the {service} process after a quarter of the burst, started again ~5 s later",
        suite => suite.Service(service).KillAsync(),
        suite => suite.Service(service).StartAsync(),
        TimeSpan.FromSeconds(5),
        events);

    public static ChaosScenario ProcessStop(string service, int events = 100) => new(
        $"{service} SIGTERM",
        $"SIGTERM to the {service} process after a quarter of the burst (it must exit within {StopBound.TotalSeconds:0} s, finishing "
            + "or handing back what it holds), started again ~5 s after it exited",
        suite => suite.Service(service).StopAsync(StopBound),
        suite => suite.Service(service).StartAsync(),
        TimeSpan.FromSeconds(5),
        events,
        StoppedGracefully: service);

    public static ChaosScenario TelegramOutage(string name, int status, int? retryAfter, string fault) => new(
        name,
        fault,
        suite =>
        {
            suite.Telegram.ScriptOutage("sendMessage", status, TimeSpan.FromSeconds(15), retryAfter: retryAfter);
            return Task.CompletedTask;
        },
        suite =>
        {
            suite.Telegram.ClearFaults();
            return Task.CompletedTask;
        },
        TimeSpan.FromSeconds(15));

    public static ChaosScenario TelegramBlockedUser() => new(
        "Telegram 403 blocked user",
        "one Telegram student blocked the bot (403 \"Forbidden: bot was blocked by the user\") before the burst",
        _ => Task.CompletedTask,
        _ => Task.CompletedTask,
        TimeSpan.Zero,
        BlockOneChat: true);

    public override string ToString() => Name;
}
