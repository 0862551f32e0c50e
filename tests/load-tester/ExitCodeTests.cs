namespace Repitbot.LoadTester.Tests;

/// <summary>The tool as a user meets it: its entry point, exit code and what it prints on stderr.</summary>
[Collection(ConsoleTests.Name)]
public class ExitCodeTests
{
    private static async Task<(int Code, string Errors)> RunAsync(params string[] args)
    {
        var entry = typeof(Scenarios.ScenarioCatalog).Assembly.EntryPoint!;
        var original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            // The compiler-made Main blocks on the async top-level code and returns its exit code.
            var code = await Task.Run(() => (int)entry.Invoke(null, [args])!);
            return (code, errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Theory]
    [InlineData("no-such-scenario")]
    [InlineData("http-get", "--url", "http://127.0.0.1:1/", "--no-such-option")]
    [InlineData("http-get", "--url", "http://127.0.0.1:1/", "--rate", "sometimes")]
    [InlineData("api-reads", "--gateway", "http://127.0.0.1:1", "--token", "t", "--mix", "dashboard=3,pie=1")]
    public async Task Bad_input_prints_the_usage_text_and_exits_with_2(params string[] args)
    {
        var (code, errors) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", errors, StringComparison.Ordinal);
        Assert.Contains("usage: load-tester SCENARIO [options]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_target_is_refused_unless_allowed_explicitly()
    {
        var (code, errors) = await RunAsync("http-get", "--url", "http://10.1.2.3:8080/api/v1/dashboard");
        Assert.Equal(2, code);
        Assert.Contains("--url is at '10.1.2.3', not a loopback address; pass --allow-remote", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_target_is_one_clear_line_and_exit_code_3()
    {
        var (code, errors) = await RunAsync("http-get", "--url", "http://127.0.0.1:1/health/live", "--quiet");
        Assert.Equal(3, code);
        Assert.Equal("error: cannot reach --url at http://127.0.0.1:1: connection refused", errors.Trim());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    public const string Name = "console";
}
