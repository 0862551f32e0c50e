using System.Net;
using System.Net.Sockets;

namespace Repitbot.Notification.Tests.Support;

/// <summary>
/// A port this test controls in front of the real SMTP server: while started it pipes every connection
/// through, while stopped connections are refused — "the mail server is down". While hanging it takes
/// connections and never answers, and holds back what kept connections send — "the mail server is stuck".
/// </summary>
public sealed class SmtpForwarder(int target) : IDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private int _accepted;

    public int Port { get; private set; }

    /// <summary>Connections opened through this port so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>New connections are accepted and left without a greeting until this is set back to false.</summary>
    public bool Hanging { get; set; }

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _stop = new CancellationTokenSource();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Stop()
    {
        _stop?.Cancel();
        _listener?.Stop();
        _stop?.Dispose();
        (_listener, _stop) = (null, null);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptTcpClientAsync(stop);
                Interlocked.Increment(ref _accepted);
                _ = PipeAsync(client, stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private async Task PipeAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        using (var server = new TcpClient())
        {
            while (Hanging && !stop.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }

            await server.ConnectAsync(IPAddress.Loopback, target, stop);
            var (a, b) = (client.GetStream(), server.GetStream());
            await Task.WhenAny(CopyAsync(a, b, stop), CopyAsync(b, a, stop));
        }
    }

    /// <summary>Pipes one direction; while hanging, what was read is held back, so a kept connection is stuck too.</summary>
    private async Task CopyAsync(NetworkStream from, NetworkStream to, CancellationToken stop)
    {
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop)) > 0)
            {
                while (Hanging && !stop.IsCancellationRequested)
                {
                    await Task.Delay(50, stop);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Either end went away, or the forwarder stopped: the other direction ends with the connection.
        }
    }

    public void Dispose() => Stop();
}
