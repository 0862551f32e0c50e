using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Scenarios;

namespace Repitbot.LoadTester.Tests;

public class OptionParsingTests
{
    private static CommandLine Parse(params string[] args) =>
        OptionParser.Parse(args, Usage.Commands, name => name == "RabbitMq__Uri" ? "amqp://from-env" : null);

    [Fact]
    public void Options_take_values_as_the_next_argument_or_after_an_equals_sign()
    {
        var options = Parse("http-get", "--url", "http://127.0.0.1:1/", "--rate=25", "--quiet", "--count", "7");
        Assert.Equal("http-get", options.Command);
        Assert.Equal("http://127.0.0.1:1/", options.Get("url"));
        Assert.Equal(25, options.GetRate(50));
        Assert.True(options.Has("quiet"));
        Assert.Equal(7, options.GetLong("count", 500));
    }

    [Fact]
    public void A_setting_falls_back_to_its_environment_variable_and_the_command_line_wins()
    {
        Assert.Equal("amqp://from-env", Parse("ingest-bus").Get("rabbitmq"));
        Assert.Equal("amqp://given", Parse("ingest-bus", "--rabbitmq", "amqp://given").Get("rabbitmq"));
    }

    [Fact]
    public void Rate_max_means_a_closed_loop()
    {
        Assert.Null(Parse("ingest-bus", "--rate", "max").GetRate(50));
        Assert.Equal(50, Parse("ingest-bus").GetRate(50));
    }

    [Theory]
    [InlineData("no command given")]
    [InlineData("unknown scenario or command 'nope'", "nope")]
    [InlineData("unknown option '--bogus'", "http-get", "--bogus", "1")]
    [InlineData("--url needs a value (URL)", "http-get", "--url")]
    [InlineData("--url needs a value (URL)", "http-get", "--url", "--quiet")]
    [InlineData("--quiet takes no value", "http-get", "--quiet=yes")]
    [InlineData("--count is given twice", "http-get", "--count", "1", "--count", "2")]
    public void A_wrong_command_line_is_a_usage_error_naming_what_is_wrong(string message, params string[] args) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => Parse(args)).Message);

    [Theory]
    [InlineData("count", "0")]
    [InlineData("count", "ten")]
    [InlineData("rate", "-5")]
    [InlineData("rate", "fast")]
    [InlineData("duration", "0")]
    [InlineData("duration", "NaN")]
    public void A_bad_value_is_a_usage_error_naming_the_option(string option, string value)
    {
        var options = Parse("http-get", $"--{option}", value);
        var error = Assert.Throws<UsageException>(() => ScenarioCommand.PlanFrom(options, ScenarioCatalog.Find("http-get")!));
        Assert.StartsWith($"--{option} ", error.Message);
    }

    [Fact]
    public void A_required_option_names_its_environment_variable()
    {
        var error = Assert.Throws<UsageException>(() => OptionParser.Parse(["api-reads"], Usage.Commands, _ => null).Require("gateway"));
        Assert.Equal("--gateway is required for api-reads (or set Services__Gateway)", error.Message);
    }

    [Fact]
    public void Scenarios_without_a_default_rate_run_as_fast_as_the_concurrency_allows_unless_a_rate_is_given()
    {
        var scenario = ScenarioCatalog.Find("baseline-rabbitmq")!;
        Assert.False(ScenarioCommand.PlanFrom(Parse("baseline-rabbitmq"), scenario).Schedule.IsOpen);
        Assert.Equal(200, ScenarioCommand.PlanFrom(Parse("baseline-rabbitmq", "--rate", "200"), scenario).Schedule.RatePerSecond);
    }

    [Fact]
    public void The_usage_text_lists_every_scenario_and_option()
    {
        var text = Usage.Text();
        Assert.All(ScenarioCatalog.All, s => Assert.Contains($"  {s.Name} ", text, StringComparison.Ordinal));
        Assert.All(OptionSpec.All, o => Assert.Contains($"--{o.Name}", text, StringComparison.Ordinal));
    }
}
