using Microsoft.AspNetCore.Hosting;

namespace Repitbot.TestSupport.Faults;

/// <summary>A service in-process whose PostgreSQL and Redis are reached through proxies a test can cut.</summary>
public class OutageServiceFactory<TProgram>(string service) : ServiceFactory<TProgram>(service)
    where TProgram : class
{
    private readonly string _service = service;

    public FaultyDependencies Dependencies { get; } = FaultyDependencies.Start(service);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Dependencies.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureTestServices(IWebHostBuilder builder) => Dependencies.Apply(builder, _service);
}
