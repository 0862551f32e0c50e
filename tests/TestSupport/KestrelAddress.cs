using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Repitbot.TestSupport;

public static class KestrelAddress
{
    /// <summary>
    /// Where a test host started with <c>UseKestrel(0)</c> really listens, read from its server (given the host's
    /// services): a client the factory creates may still name the requested port 0.
    /// </summary>
    public static Uri Of(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
