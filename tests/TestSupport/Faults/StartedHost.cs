using Xunit;

namespace Repitbot.TestSupport.Faults;

/// <summary>
/// A host started for one test and stopped with <c>await using</c>, including what only its
/// <see cref="IAsyncLifetime.DisposeAsync"/> removes (its RabbitMQ virtual host): a test that cuts a
/// dependency gets an instance no other test shares.
/// </summary>
public sealed class StartedHost<T> : IAsyncDisposable
    where T : IAsyncLifetime
{
    internal StartedHost(T host) => Host = host;

    public T Host { get; }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

public static class StartedHost
{
    public static async Task<StartedHost<T>> StartAsync<T>(T host)
        where T : IAsyncLifetime
    {
        await host.InitializeAsync();
        return new StartedHost<T>(host);
    }
}
