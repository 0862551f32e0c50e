using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery.Email;

/// <summary>E-mail through MailKit: TLS when configured; 4xx and connection errors retry, 5xx do not.</summary>
public sealed class EmailChannelSender(IOptions<SmtpOptions> options) : IChannelSender
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

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            var response = await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
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
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
            or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SendResult.Transient($"SMTP {settings.Host}:{settings.Port} unreachable: {ex.Message}", "smtp_unreachable");
        }
    }

    internal static SecureSocketOptions SocketOptions(SmtpOptions settings) => settings switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
