using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Scenarios;

// load-tester SCENARIO [options] | COMMAND [arguments]: see Cli/Usage.cs, or run with --help.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var options = OptionParser.Parse(args, Usage.Commands);
    return ScenarioCatalog.Find(options.Command) is { } scenario
        ? await ScenarioCommand.RunAsync(scenario, options, cancel.Token)
        : await ToolCommands.RunAsync(options, cancel.Token);
}
catch (UsageException ex)
{
    return Failures.Usage(ex);
}
catch (Exception ex) when (Failures.IsUnreachable(ex))
{
    return Failures.Unreachable(ex);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("stopped");
    return 130;
}
