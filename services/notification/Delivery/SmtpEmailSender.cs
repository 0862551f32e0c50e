using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery;

internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(string toAddress, string toName, RenderedEmail email, string messageId,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage
        {
            Subject = email.Subject,
            // A stable Message-ID lets mail clients collapse a duplicate if one ever slips through.
            MessageId = $"{messageId}@repitbot",
            Body = new BodyBuilder { HtmlBody = email.Html, TextBody = email.Text }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(new MailboxAddress(toName, toAddress));

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new PermanentDeliveryException($"SMTP {(int)ex.StatusCode}: {ex.Message}", ex);
        }
    }

    internal static SecureSocketOptions SocketOptions(SmtpOptions settings) => settings switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
