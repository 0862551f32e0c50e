using System.Net;
using System.Net.Sockets;

namespace Repitbot.Notification.Tests;

/// <summary>
/// A port this test controls in front of the real SMTP server: while started it pipes every connection
/// through, while stopped connections are refused — "the mail server is down".
/// </summary>
public sealed class SmtpForwarder(int target) : IDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public int Port { get; private set; }

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
                _ = PipeAsync(await listener.AcceptTcpClientAsync(stop), stop);
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
            await server.ConnectAsync(IPAddress.Loopback, target, stop);
            var (a, b) = (client.GetStream(), server.GetStream());
            await Task.WhenAny(a.CopyToAsync(b, stop), b.CopyToAsync(a, stop));
        }
    }

    public void Dispose() => Stop();
}
