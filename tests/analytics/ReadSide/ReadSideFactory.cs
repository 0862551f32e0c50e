using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Repitbot.Analytics.Recovery;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>One analytics host shared by the read-side tests (each test uses its own tutors, so they do not interfere).</summary>
public sealed class ReadSideFactory() : ServiceFactory<Program>("analytics")
{
    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    public IConnectionMultiplexer Redis => Services.GetRequiredService<IConnectionMultiplexer>();

    public Task StoreAsync(IReadOnlyCollection<SeedEvent> events, bool bumpVersions = true) =>
        SeedEvent.StoreAsync(Database, Redis, events, bumpVersions);

    /// <summary>
    /// Waits until the service trusts the Redis aggregates: until then the result cache is left out (a fresh
    /// database starts with a rebuild), and tests that count cache hits would count none.
    /// </summary>
    public async Task AwaitTrustedAsync()
    {
        var trust = Services.GetRequiredService<AggregateTrust>();
        Assert.True(await Eventually.Async(() => Task.FromResult(trust.IsTrusted), TimeSpan.FromSeconds(30)),
            $"The Redis aggregates are not trusted: {trust.Current}.");
    }

    public HttpClient Tutor(Guid tutorId) => ClientWithToken(Tokens.Tutor(tutorId));

    public HttpClient Student(Guid studentId) => ClientWithToken(Tokens.Student(studentId));

    public HttpClient Admin() => ClientWithToken(Tokens.Admin());

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        builder.UseSetting("Reports:PollInterval", "00:00:00.200");
        // Exact answers after every version bump; serving outdated entries is tested on the cache itself.
        builder.UseSetting("AnalyticsCache:MaxStaleness", "00:00:00");
        builder.UseSetting("Analytics:Metrics:CacheSizeInterval", "00:00:00.200");
    }
}

[CollectionDefinition(Name)]
public sealed class ReadSideTests : ICollectionFixture<ReadSideFactory>
{
    public const string Name = "read-side";
}
