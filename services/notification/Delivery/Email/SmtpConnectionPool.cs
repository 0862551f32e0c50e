using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Repitbot.Notification.Delivery.Email;

/// <summary>
/// Connected, authenticated SMTP clients kept between e-mails: a connection costs a TCP (and TLS) handshake, a
/// greeting, EHLO and AUTH, several times the cost of the mail itself. At most <c>Delivery__EmailConcurrency</c>
/// wait here (no more are ever in use at once); one that failed in any way is dropped, never given back; one idle
/// longer than <c>Smtp__IdleTimeout</c> is closed, and all are closed when the service stops.
/// </summary>
public sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpOptions _settings;
    private readonly int _capacity;
    private readonly TimeProvider _clock;
    private readonly Stack<(SmtpClient Client, long IdleSince)> _idle = new();
    private readonly ITimer _sweeper;
    private bool _disposed;

    public SmtpConnectionPool(IOptions<SmtpOptions> options, IOptions<DeliveryOptions> delivery, TimeProvider clock)
    {
        (_settings, _capacity, _clock) = (options.Value, delivery.Value.EmailConcurrency, clock);
        var sweep = _settings.IdleTimeout / 2;
        _sweeper = clock.CreateTimer(_ => _ = CloseIdleAsync(), null, sweep, sweep);
    }

    /// <summary>Connections waiting for the next e-mail (for tests and the idle sweep).</summary>
    public int Idle
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>A connection that waited in the pool (<c>Reused</c>: the server may have closed it since), else a new one.</summary>
    public async Task<(SmtpClient Client, bool Reused)> RentAsync(CancellationToken cancellationToken)
    {
        lock (_idle)
        {
            while (_idle.TryPop(out var entry))
            {
                if (entry.Client.IsConnected)
                {
                    return (entry.Client, true);
                }

                entry.Client.Dispose();
            }
        }

        return (await ConnectAsync(cancellationToken), false);
    }

    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)_settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_settings.Host!, _settings.Port, EmailChannelSender.SocketOptions(_settings), cancellationToken);
            if (!string.IsNullOrEmpty(_settings.Username))
            {
                await client.AuthenticateAsync(_settings.Username, _settings.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A connection whose last e-mail went through waits for the next one.</summary>
    public void Return(SmtpClient client)
    {
        lock (_idle)
        {
            if (!_disposed && client.IsConnected && _idle.Count < _capacity)
            {
                _idle.Push((client, _clock.GetTimestamp()));
                return;
            }
        }

        _ = CloseAsync(client);
    }

    /// <summary>A connection that failed in any way: its state is unknown, so it is never used again.</summary>
    public static void Discard(SmtpClient client) => client.Dispose();

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        List<SmtpClient> open;
        lock (_idle)
        {
            _disposed = true;
            open = [.. _idle.Select(e => e.Client)];
            _idle.Clear();
        }

        await Task.WhenAll(open.Select(CloseAsync));
    }

    private async Task CloseIdleAsync()
    {
        List<SmtpClient> stale = [];
        lock (_idle)
        {
            // The stack's bottom waited longest; keep the recently used ones on top.
            var kept = _idle.Reverse().Where(e =>
            {
                var old = _clock.GetElapsedTime(e.IdleSince) >= _settings.IdleTimeout;
                if (old)
                {
                    stale.Add(e.Client);
                }

                return !old;
            }).ToList();
            _idle.Clear();
            kept.ForEach(_idle.Push);
        }

        await Task.WhenAll(stale.Select(CloseAsync));
    }

    /// <summary>A polite QUIT, bounded: a server that does not answer is simply cut off.</summary>
    private static async Task CloseAsync(SmtpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception)
            {
                // Closing a connection nobody needs any more: whatever fails, the socket goes with Dispose.
            }
        }
    }
}
