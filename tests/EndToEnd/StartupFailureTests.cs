using Repitbot.EndToEnd.Support;


namespace Repitbot.EndToEnd;

/// <summary>A service that cannot work says why in one line and exits non-zero, instead of hanging.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_missing_setting_is_named_and_the_exit_code_is_2()
    {
        var environment = SuiteFixture.BaseEnvironment("analytics", 18107);
        environment.Remove("RabbitMq__Uri");
        environment["ConnectionStrings__Redis"] = "";

        await using var process = ServiceProcess.Start("analytics", "Repitbot.Analytics", environment);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error: RabbitMq__Uri is missing", process.Output, StringComparison.Ordinal);
        Assert.Contains("configuration error: ConnectionStrings__Redis is missing", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_and_the_exit_code_is_3()
    {
        var environment = SuiteFixture.BaseEnvironment("analytics", 18107);
        environment["ConnectionStrings__Redis"] = "127.0.0.1:1";

        await using var process = ServiceProcess.Start("analytics", "Repitbot.Analytics", environment);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exitCode);
        Assert.Contains("cannot start: Redis at 127.0.0.1:1 is unreachable", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
    }
}
