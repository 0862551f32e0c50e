using Repitbot.Chaos.Suite;

namespace Repitbot.Chaos.Scenarios;

/// <summary>The rest of the faults (trait Chaos=full): only ./chaos.sh runs them, they take several minutes each.</summary>
[Collection(ChaosDefinition.Name)]
[Trait("Chaos", "full")]
public sealed class FullChaosTests(ChaosSuite suite)
{
    [Fact]
    public Task Redis_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ServerKill("redis"));

    [Fact]
    public Task RabbitMQ_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ServerKill("rabbitmq"));

    [Fact]
    public Task The_SMTP_server_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ServerKill("smtp"));

    [Fact]
    public Task Telegram_answers_500_for_a_while() => ScenarioRunner.RunAsync(suite,
        ChaosScenario.TelegramOutage("Telegram 500s", 500, null, "every sendMessage answered 500 for 15 s"));

    [Fact]
    public Task Telegram_floods_429_with_retry_after() => ScenarioRunner.RunAsync(suite,
        ChaosScenario.TelegramOutage("Telegram 429 flood", 429, 5, "every sendMessage answered 429 retry_after 5 for 15 s"));

    [Fact]
    public Task A_user_who_blocked_the_bot_fails_alone() => ScenarioRunner.RunAsync(suite, ChaosScenario.TelegramBlockedUser());

    [Fact]
    public Task The_gateway_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ProcessKill("gateway"));

    [Fact]
    public Task The_bot_gateway_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ProcessKill("bot-gateway"));

    // A replica killed between Telegram's answer and the row's "Sent" leaves the row leased; it is sent again when the
    // lease ends (13 messages for 12 in two chats, once). Such a resend is announced (lease_expirations); an
    // unannounced duplicate fails the scenario.
    [Fact]
    public Task A_notification_replica_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ProcessKill("notification-b"));

    [Fact]
    public Task A_notification_replica_stopped_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ProcessStop("notification-b"));

    [Fact]
    public Task An_analytics_replica_stopped_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ProcessStop("analytics-b"));

    [Fact]
    public Task The_bot_gateway_stopped_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ProcessStop("bot-gateway"));

    [Fact]
    public Task An_analytics_replica_killed_mid_burst() => ScenarioRunner.RunAsync(suite, ChaosScenario.ProcessKill("analytics-b"));
}
