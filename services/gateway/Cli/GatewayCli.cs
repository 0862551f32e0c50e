namespace Repitbot.Gateway.Cli;

/// <summary>The operator's commands: the gateway's executable runs one of them instead of serving.</summary>
public static class GatewayCli
{
    public static bool IsInvoked(string[] args) =>
        MintTokenCommand.IsInvoked(args) || ClientsCommand.IsInvoked(args) || SessionsCommand.IsInvoked(args);

    public static async Task<int> RunAsync(string[] args)
    {
        // The same settings the service reads: appsettings.json beside the binary, then the environment.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var (stdout, stderr, clock) = (Console.Out, Console.Error, TimeProvider.System);
        return MintTokenCommand.IsInvoked(args) ? MintTokenCommand.Run(args, configuration, stdout, stderr, clock)
            : ClientsCommand.IsInvoked(args) ? await ClientsCommand.RunAsync(args, configuration, stdout, stderr, clock, CancellationToken.None)
            : await SessionsCommand.RunAsync(args, configuration, stdout, stderr, clock, CancellationToken.None);
    }
}
