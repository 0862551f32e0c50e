using Repitbot.Hosting.Workers;

namespace Repitbot.BotGateway.Tests;

public sealed class IdleBackoffTests
{
    [Fact]
    public void Empty_passes_double_the_wait_up_to_the_longest_and_work_makes_it_short_again()
    {
        var backoff = new IdleBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(16));

        var idle = Enumerable.Range(0, 7).Select(_ => backoff.After(foundWork: false).TotalSeconds).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 16, 16], idle);

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.After(foundWork: true));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.After(foundWork: false));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.After(foundWork: false));
    }
}
