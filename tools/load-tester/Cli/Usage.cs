using System.Text;
using Repitbot.LoadTester.Scenarios;

namespace Repitbot.LoadTester.Cli;

public static class Usage
{
    public static readonly IReadOnlyDictionary<string, string> ToolCommands = new Dictionary<string, string>
    {
        ["list"] = "the scenarios, one a line",
        ["seed-events"] = "COPY --count events into analytics (--postgres as the analytics role, --redis, --tutors, --days); prints the tutor ids",
        ["serve"] = "a bare Kestrel endpoint on --port, the backend of the proxy baselines",
        ["serve-proxy"] = "YARP alone (one route, no auth, limits or metrics) on --port, forwarding to --backend URL",
        ["peak-memory"] = "NAME=PID...: each process's peak memory (VmHWM) and its parts (heap, files, code, PSS) as a result (--output)",
        ["report"] = "RESULTS_DIR: the comparison table of a bench run (--markdown FILE, --machine TEXT)",
    };

    public static IReadOnlySet<string> Commands =>
        ScenarioCatalog.All.Select(s => s.Name).Concat(ToolCommands.Keys).ToHashSet(StringComparer.Ordinal);

    public static string Text()
    {
        var text = new StringBuilder();
        text.AppendLine("usage: load-tester SCENARIO [options]");
        text.AppendLine("       load-tester COMMAND [arguments] [options]");
        text.AppendLine().AppendLine("scenarios:");
        foreach (var scenario in ScenarioCatalog.All)
        {
            text.AppendLine($"  {scenario.Name,-20} {scenario.Summary}");
        }

        text.AppendLine().AppendLine("commands:");
        foreach (var (name, help) in ToolCommands)
        {
            text.AppendLine($"  {name,-20} {help}");
        }

        text.AppendLine().AppendLine("options:");
        foreach (var option in OptionSpec.All)
        {
            var name = option.IsFlag ? $"--{option.Name}" : $"--{option.Name} {option.ValueName}";
            text.AppendLine($"  {name,-28} {option.Help}{(option.Environment is { } v ? $" [{v}]" : "")}");
        }

        text.AppendLine().AppendLine("Targets must be loopback addresses unless --allow-remote is given.");
        text.AppendLine("Exit codes: 0 done, 1 the run had errors, 2 bad command line, 3 a target is unreachable.");
        return text.ToString();
    }
}
