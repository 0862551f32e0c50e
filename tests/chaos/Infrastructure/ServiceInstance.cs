
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

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
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
