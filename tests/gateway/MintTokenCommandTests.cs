using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Repitbot.Gateway.Cli;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

public sealed class MintTokenCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mint-token-").FullName;

    private string KeyPath => Path.Combine(_folder, "signing.pem");

    private static IConfiguration Settings(string? keyPath = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jwt:Issuer"] = "repitbot-gateway",
            ["Jwt:Audience"] = "repitbot",
            ["Tokens:SigningKeyPath"] = keyPath,
        })
        .Build();

    [Fact]
    public async Task Prints_only_a_token_that_validates_against_the_key_file()
    {
        var key = SigningKey.LoadOrCreate(KeyPath);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = MintTokenCommand.Run(["mint-token", "--role", "student", "--sub", "student-9", "--lifetime", "12h", "--key", KeyPath],
            Settings(), stdout, stderr, TimeProvider.System);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
        var token = Assert.Single(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        var result = await TestTokens.ValidateAsync(token, [key]);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("student-9", result.Claims["sub"]);
        Assert.Equal("student", result.Claims["role"]);
        var lifetime = new JsonWebToken(token).ValidTo - DateTime.UtcNow;
        Assert.InRange(lifetime, TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(12));
    }

    [Fact]
    public async Task Reads_the_key_path_from_settings_when_no_key_is_given()
    {
        var key = SigningKey.LoadOrCreate(KeyPath);
        using var stdout = new StringWriter();

        var exit = MintTokenCommand.Run(["mint-token", "--role", "service", "--sub", "reports"],
            Settings(KeyPath), stdout, TextWriter.Null, TimeProvider.System);

        Assert.Equal(0, exit);
        Assert.True((await TestTokens.ValidateAsync(stdout.ToString().Trim(), [key])).IsValid);
    }

    [Theory]
    [InlineData("mint-token")]
    [InlineData("mint-token --sub x")]
    [InlineData("mint-token --role boss --sub x")]
    [InlineData("mint-token --role admin")]
    [InlineData("mint-token --role admin --sub")]
    [InlineData("mint-token --role admin --sub x --lifetime forever")]
    [InlineData("mint-token --role admin --sub x --lifetime 5")]
    [InlineData("mint-token --role admin --sub x --lifetime 0h")]
    [InlineData("mint-token --role admin --sub x --colour blue")]
    [InlineData("mint-token --role admin --role tutor --sub x")]
    public void Bad_arguments_print_usage_and_exit_2(string commandLine)
    {
        SigningKey.LoadOrCreate(KeyPath);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = MintTokenCommand.Run(commandLine.Split(' '), Settings(KeyPath), stdout, stderr, TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("usage:", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_an_error_and_no_key_is_created()
    {
        using var stderr = new StringWriter();

        var exit = MintTokenCommand.Run(["mint-token", "--role", "admin", "--sub", "x", "--key", KeyPath],
            Settings(), TextWriter.Null, stderr, TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Contains(KeyPath, stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(KeyPath));
    }

    [Fact]
    public void No_key_path_at_all_is_an_error()
    {
        using var stderr = new StringWriter();

        var exit = MintTokenCommand.Run(["mint-token", "--role", "admin", "--sub", "x"], Settings(), TextWriter.Null, stderr, TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Contains("Tokens__SigningKeyPath", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
