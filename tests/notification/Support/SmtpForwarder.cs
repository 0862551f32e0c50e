using System.Net;
using System.Net.Sockets;

namespace Repitbot.Notification.Tests.Support;

/// <summary>
/// A port this test controls in front of the real SMTP server: while started it pipes every connection
/// through, while stopped connections are refused — "the mail server is down". While hanging it takes
/// connections and never answers — "the mail server is stuck".
/// </summary>
public sealed class SmtpForwarder(int target) : IDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public int Port { get; private set; }

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
            while (Hanging && !stop.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }

            await server.ConnectAsync(IPAddress.Loopback, target, stop);
            var (a, b) = (client.GetStream(), server.GetStream());
            await Task.WhenAny(a.CopyToAsync(b, stop), b.CopyToAsync(a, stop));
        }
    }

    public void Dispose() => Stop();
}
