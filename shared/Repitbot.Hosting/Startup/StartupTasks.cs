using Microsoft.Extensions.DependencyInjection;

namespace Repitbot.Hosting.Startup;

public static class StartupTasks
{
    /// <summary>Runs probes, then migrations. <see cref="Configuration.ServiceRunner"/> and test hosts share this.</summary>
    public static async Task RunStartupTasksAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var task in services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(cancellationToken);
        }
    }
}
