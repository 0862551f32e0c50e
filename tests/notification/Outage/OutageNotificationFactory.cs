using Microsoft.AspNetCore.Hosting;
using Repitbot.Notification.Tests.Support;
using Repitbot.TestSupport.Faults;

namespace Repitbot.Notification.Tests.Outage;

/// <summary>Notification as the other tests have it, with PostgreSQL and Redis reached through proxies a test can cut.</summary>
public sealed class OutageNotificationFactory : NotificationFactory
{
    public FaultyDependencies Dependencies { get; } = FaultyDependencies.Start("notification");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Dependencies.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Dependencies.Apply(builder, "notification");
    }
}
