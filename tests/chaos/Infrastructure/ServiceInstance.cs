
namespace Repitbot.Chaos.Infrastructure;

/// <summary>
/// One service process that can be killed (SIGKILL, as <see cref="ServiceProcess"/> disposes) and started again with the
/// same settings, like a replica the orchestrator restarts after a crash.
/// </summary>
public sealed class ServiceInstance(string name, string folder, string assembly, int port, Dictionary<string, string> environment) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private ServiceProcess? _process;
    private string _previousOutput = "";

    /// <summary>For example notification-b.</summary>
    public string Name { get; } = name;

    public int Port { get; } = port;

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The last lines it printed (including before its last restart), for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        var all = (_previousOutput + (_process?.Output ?? "")).Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    public async Task StartAsync()
    {
        if (_process is not null)
        {
            _previousOutput = Tail(200) + "\n--- restarted ---\n";
            await _process.DisposeAsync();
        }

        // Another process on the fixed port would answer the readiness probe in this instance's place.
        if (await ListensAsync())
        {
            throw new InvalidOperationException($"{Name}: port {Port} is already taken by another process; the chaos suite needs it free");
        }

        _process = ServiceProcess.Start(folder, assembly, environment);
        await WaitUntilReadyAsync();
    }

    /// <summary>kill -9: no shutdown hooks, leases and unacked messages stay behind as after a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            _previousOutput = Tail(200) + "\n--- killed ---\n";
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>How long the last <see cref="StopAsync"/> took from SIGTERM to the process's exit.</summary>
    public TimeSpan? LastStop { get; private set; }

    /// <summary>SIGTERM: the graceful path an orchestrator takes; fails when the process outlives <paramref name="bound"/>.</summary>
    public async Task StopAsync(TimeSpan bound)
    {
        if (_process is not null)
        {
            LastStop = await _process.TerminateAsync(bound);
            _previousOutput = Tail(200) + $"\n--- stopped by SIGTERM, exited with {_process.ExitCode} after {LastStop.Value.TotalSeconds:0.0} s ---\n";
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    private async Task<bool> ListensAsync()
    {
        using var probe = new System.Net.Sockets.TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        if (!await _process!.WaitUntilReadyAsync(Port, StartTimeout))
        {
            throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Tail()}");
        }
    }
}
