using Npgsql;
using Repitbot.Hosting.Startup;

namespace Repitbot.Notification.Observability;

internal sealed class RegisterBacklogGauge(NpgsqlDataSource database) : IStartupTask
{
    private static int _registered;

    public int Order => 300;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        // The registry is process-wide; several hosts in one process (tests) must register once.
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            BacklogGauge.Register(database);
        }

        return Task.CompletedTask;
    }
}
