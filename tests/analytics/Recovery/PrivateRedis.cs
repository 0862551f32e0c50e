using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>
/// A redis-server of the test's own, on a free port with its data in a temporary folder, so a test can kill it
/// with SIGKILL and start it again from its last RDB snapshot without touching the shared server.
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("repitbot-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts the server (again): it loads dump.rdb from its folder when there is one.</summary>
    public async Task StartAsync()
    {
        // No automatic snapshots and no AOF: the test decides what the server comes back with (SAVE).
        _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
             "--save", "", "--appendonly", "no", "--daemonize", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        Assert.True(await Eventually.Async(async () => (await CliAsync("PING")).Trim() == "PONG"), $"redis-server did not start on {Port}.");
    }

    /// <summary>A synchronous RDB snapshot: what the server comes back with after <see cref="KillAsync"/>.</summary>
    public async Task SnapshotAsync() => Assert.Equal("OK", (await CliAsync("SAVE")).Trim());

    /// <summary>SIGKILL, as the operator's kill -9: nothing after the last snapshot survives.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> CliAsync(string command)
    {
        using var cli = Process.Start(new ProcessStartInfo("redis-cli", ["-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
