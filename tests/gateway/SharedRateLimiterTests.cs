using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.RateLimits;
using StackExchange.Redis;

namespace Repitbot.Gateway.Tests;

public sealed class SharedRateLimiterTests
{
    [Fact]
    public async Task Without_Redis_each_process_still_limits_on_its_own()
    {
        // Nothing listens on port 1; fail fast instead of queueing commands until Redis returns.
        var options = ConfigurationOptions.Parse("127.0.0.1:1,abortConnect=false,connectTimeout=200");
        options.BacklogPolicy = BacklogPolicy.FailFast;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        using var limiter = new SharedRateLimiter(unreachable,
            Options.Create(new RateLimitOptions { Window = TimeSpan.FromMinutes(5) }), NullLogger<SharedRateLimiter>.Instance);

        var answers = new List<TimeSpan?>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await limiter.TryAcquireAsync("auth-per-client", "client:x", limit: 2));
        }

        var other = await limiter.TryAcquireAsync("auth-per-client", "client:y", limit: 2);

        Assert.Null(answers[0]);
        Assert.Null(answers[1]);
        Assert.NotNull(answers[2]);
        Assert.InRange(answers[2]!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Null(other);
    }
}
