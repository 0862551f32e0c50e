using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Repitbot.Gateway.Cli;
using Repitbot.Gateway.Tests.Support;

namespace Repitbot.Gateway.Tests;

/// <summary>The operator's <c>clients</c> command against the real database, then the gateway issuing tokens to what it created.</summary>
public sealed class ClientsCommandTests
{
    private static IConfiguration Settings(Dictionary<string, string?>? extra = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = GatewayHost.ConnectionString })
        .AddInMemoryCollection(extra ?? [])
        .Build();

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IConfiguration? settings, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await ClientsCommand.RunAsync(["clients", .. args], settings ?? Settings(), stdout, stderr, TimeProvider.System,
            CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(GatewayHost gateway, string id, string secret, string? scope = null) =>
        gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret,
            }.Concat(scope is null ? [] : [KeyValuePair.Create("scope", scope)])));

    [Fact]
    public async Task Add_prints_a_secret_once_that_gets_scoped_tokens_then_rotate_and_disable_take_effect()
    {
        var id = $"reports-{Guid.NewGuid():N}"[..30];
        var added = await RunAsync(null, "add", "--id", id, "--role", "service", "--sub", "reports",
            "--scope", "reports:read", "--scope", "charts:read");
        Assert.Equal(0, added.Exit);
        var secret = Assert.Single(added.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        await using (var db = GatewayHost.CreateDb())
        {
            var stored = await db.ApiClients.SingleAsync(c => c.Id == id);
            Assert.DoesNotContain(secret, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
            Assert.Equal(32, stored.SecretSha256.Length);
        }

        await using var gateway = await GatewayHost.StartAsync();
        var all = await RequestTokenAsync(gateway, id, secret);
        var narrowed = await RequestTokenAsync(gateway, id, secret, "charts:read");
        var tooWide = await RequestTokenAsync(gateway, id, secret, "charts:read admin:write");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("reports:read charts:read", new JsonWebToken(await AccessTokenAsync(all)).GetClaim("scope").Value);
        Assert.Equal("service", new JsonWebToken(await AccessTokenAsync(narrowed)).GetClaim("role").Value);
        Assert.Equal("charts:read", new JsonWebToken(await AccessTokenAsync(narrowed)).GetClaim("scope").Value);
        Assert.Equal(HttpStatusCode.BadRequest, tooWide.StatusCode);
        Assert.Contains("invalid_scope", await tooWide.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rotated = await RunAsync(null, "rotate", "--id", id);
        var newSecret = rotated.Stdout.Trim();
        Assert.Equal(0, rotated.Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(gateway, id, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(gateway, id, newSecret)).StatusCode);

        var listed = await RunAsync(null, "list");
        Assert.Contains($"{id}\tservice\treports\treports:read charts:read\tenabled", listed.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(null, "disable", "--id", id)).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(gateway, id, newSecret)).StatusCode);
        Assert.Equal(1, (await RunAsync(null, "disable", "--id", id)).Exit);
    }

    [Theory]
    [InlineData("add --id Bad_Id --role service --sub x", "--id")]
    [InlineData("add --id ok-id --role root --sub x", "--role")]
    [InlineData("add --id ok-id --role service", "--sub")]
    [InlineData("add --id ok-id --role service --sub x --scope BAD", "--scope")]
    [InlineData("add --id ok-id --role service --sub x --sub y", "--sub is given twice")]
    [InlineData("add --id config-client --role service --sub x", "Auth__Clients")]
    [InlineData("remove --id x", "add, rotate, disable or list")]
    [InlineData("rotate", "--id is required")]
    public async Task Bad_arguments_exit_2_naming_the_problem_and_print_no_secret(string line, string named)
    {
        var settings = Settings(new() { ["Auth:Clients:0:Id"] = "config-client" });

        var (exit, stdout, stderr) = await RunAsync(settings, line.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_existing_id_fails_and_keeps_the_first_secret()
    {
        var id = $"dup-{Guid.NewGuid():N}"[..20];
        var first = await RunAsync(null, "add", "--id", id, "--role", "admin", "--sub", "ops");
        var second = await RunAsync(null, "add", "--id", id, "--role", "admin", "--sub", "ops");

        Assert.Equal(0, first.Exit);
        Assert.Equal(1, second.Exit);
        Assert.Equal("", second.Stdout);
        await using var gateway = await GatewayHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(gateway, id, first.Stdout.Trim())).StatusCode);
    }

    private static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
