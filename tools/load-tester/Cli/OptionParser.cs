namespace Repitbot.LoadTester.Cli;

public static class OptionParser
{
    /// <summary>Parses <c>COMMAND [ARG...] [--option value | --flag]...</c>; anything unknown is a usage error.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> commands,
        Func<string, string?>? environment = null)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            throw new UsageException(args.Count == 0 ? "no command given" : "help");
        }

        var command = args[0];
        if (!commands.Contains(command))
        {
            throw new UsageException($"unknown scenario or command '{command}'");
        }

        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2
                ? (arg[2..eq], arg[(eq + 1)..])
                : (arg[2..], null);
            var spec = OptionSpec.Find(name) ?? throw new UsageException($"unknown option '--{name}'");
            if (spec.Name == "help")
            {
                throw new UsageException("help");
            }

            string value;
            if (spec.IsFlag)
            {
                value = inline is null ? "true" : throw new UsageException($"--{name} takes no value");
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value ({spec.ValueName})");
            }

            if (!options.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given twice");
            }
        }

        return new CommandLine(command, positional, options, environment ?? Environment.GetEnvironmentVariable);
    }
}
