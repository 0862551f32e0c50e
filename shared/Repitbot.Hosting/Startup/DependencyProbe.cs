using Microsoft.Extensions.DependencyInjection;

namespace Repitbot.Hosting.Startup;

/// <summary>
/// Checks at start that one infrastructure server answers, retrying briefly so that a service started
/// together with its infrastructure does not lose the race, then names the server that is missing.
/// </summary>
public sealed class DependencyProbe(string name, Func<IServiceProvider, string> describe,
    Func<IServiceProvider, CancellationToken, Task> probe, IServiceProvider services) : IStartupTask
{
    public int Order => 0;

    public static TimeSpan Patience { get; set; } = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                await probe(services, attempt.Token);
                return;
            }
            catch (Exception ex) when (ex is not StartupTaskFailedException && !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new StartupTaskFailedException(
                        $"{name} at {describe(services)} is unreachable: {Innermost(ex).Message}", ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}

public static class DependencyProbeRegistration
{
    public static IServiceCollection AddDependencyProbe(this IServiceCollection services, string name,
        Func<IServiceProvider, string> describe, Func<IServiceProvider, CancellationToken, Task> probe) =>
        services.AddSingleton<IStartupTask>(sp => new DependencyProbe(name, describe, probe, sp));
}
