namespace Repitbot.Hosting.Startup;

/// <summary>Work that must succeed before a service serves: dependency probes, then migrations.</summary>
public interface IStartupTask
{
    /// <summary>Probes run at 0, schema migrations at 100.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

public sealed class StartupTaskFailedException(string message, Exception? inner = null) : Exception(message, inner);
