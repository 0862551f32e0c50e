using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Tests;

public class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/api")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://127.8.9.10/")]
    [InlineData("amqp://repitbot:repitbot@127.0.0.1:5672/repitbot")]
    [InlineData("Host=127.0.0.1;Port=5432;Database=repitbot;Username=analytics;Password=analytics")]
    [InlineData("host=localhost;database=x")]
    [InlineData("127.0.0.1:6379")]
    [InlineData("127.0.0.1:6379,defaultDatabase=1")]
    public void Loopback_targets_pass(string address) =>
        LoopbackGuard.Check([new Target("target", address)], allowRemote: false);

    [Theory]
    [InlineData("http://analytics:8007/", "analytics")]
    [InlineData("http://10.0.0.5/", "10.0.0.5")]
    [InlineData("amqp://u:p@rabbitmq:5672/vhost", "rabbitmq")]
    [InlineData("Host=postgres;Port=5432;Password=secret", "postgres")]
    [InlineData("Host=127.0.0.1,db.example.com;Password=secret", "db.example.com")]
    [InlineData("redis:6379,defaultDatabase=1", "redis")]
    public void Other_hosts_are_refused_naming_the_host_without_secrets(string address, string host)
    {
        var error = Assert.Throws<UsageException>(() => LoopbackGuard.Check([new Target("target", address)], allowRemote: false));
        Assert.Contains($"'{host}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allow_remote_lets_any_target_through() =>
        LoopbackGuard.Check([new Target("target", "http://analytics:8007/")], allowRemote: true);

    [Fact]
    public void An_address_without_a_host_is_refused() =>
        Assert.Throws<UsageException>(() => LoopbackGuard.Check([new Target("target", "Port=5432;Password=x")], allowRemote: false));
}
