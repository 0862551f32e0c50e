using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery.Email;

/// <summary>
/// E-mail through MailKit over pooled connections: TLS when configured; 4xx and connection errors retry, 5xx do not.
/// </summary>
public sealed class EmailChannelSender(IOptions<SmtpOptions> options, SmtpConnectionPool connections) : IChannelSender
{
    public async Task<SendResult> SendAsync(Delivery delivery, RenderedMessage message, string recipientName,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!MailboxAddress.TryParse(delivery.Address ?? string.Empty, out var to))
        {
            return new SendResult.Permanent($"'{delivery.Address}' is not an e-mail address.", "invalid_address", DisableChannel: true);
        }

        to.Name = recipientName;
        var mail = new MimeMessage
        {
            Subject = message.Subject ?? string.Empty,
            // A stable Message-ID lets mail clients collapse a duplicate if one ever slips through.
            MessageId = $"{delivery.Id:N}@repitbot",
            Body = new BodyBuilder { HtmlBody = message.Body, TextBody = message.Text }.ToMessageBody(),
        };
        mail.From.Add(MailboxAddress.Parse(settings.From!));
        mail.To.Add(to);

        try
        {
            var response = await SendOnPooledConnectionAsync(mail, cancellationToken);
            return new SendResult.Sent(string.IsNullOrWhiteSpace(response) ? mail.MessageId : response.Trim());
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            // A refused recipient means the address is dead; other refusals are about this message only.
            return new SendResult.Permanent($"SMTP {(int)ex.StatusCode}: {ex.Message}", "smtp_5xx",
                DisableChannel: ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted);
        }
        catch (SmtpCommandException ex)
        {
            return new SendResult.Transient($"SMTP {(int)ex.StatusCode}: {ex.Message}", "smtp_4xx");
        }
        catch (Exception ex) when (ex is TimeoutException || IsConnectionFailure(ex, cancellationToken))
        {
            return new SendResult.Transient($"SMTP {settings.Host}:{settings.Port} unreachable: {ex.Message}", "smtp_unreachable");
        }
    }

    /// <summary>
    /// Sends on a kept connection, or a new one. A kept connection the server closed while it waited (an idle
    /// timeout, a restart) fails at its first command, before the server took anything, so the mail goes once more
    /// on a new connection at once instead of waiting out a retry's back-off. (A connection lost after the server
    /// took the mail is the same at-least-once point as before pooling: a retry would send it again too.)
    /// Any failure drops the connection it happened on.
    /// </summary>
    private async Task<string> SendOnPooledConnectionAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        var (client, reused) = await connections.RentAsync(cancellationToken);
        try
        {
            var response = await client.SendAsync(mail, cancellationToken);
            connections.Return(client);
            return response;
        }
        catch (Exception ex) when (reused && IsConnectionFailure(ex, cancellationToken))
        {
            SmtpConnectionPool.Discard(client);
        }
        catch
        {
            SmtpConnectionPool.Discard(client);
            throw;
        }

        client = await connections.ConnectAsync(cancellationToken);
        try
        {
            var response = await client.SendAsync(mail, cancellationToken);
            connections.Return(client);
            return response;
        }
        catch
        {
            SmtpConnectionPool.Discard(client);
            throw;
        }
    }

    private static bool IsConnectionFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    internal static SecureSocketOptions SocketOptions(SmtpOptions settings) => settings switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
