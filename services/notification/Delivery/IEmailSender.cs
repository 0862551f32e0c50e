using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery;

public interface IEmailSender
{
    /// <summary>Sends one message; throws <see cref="PermanentDeliveryException"/> when retrying cannot help.</summary>
    Task SendAsync(string toAddress, string toName, RenderedEmail email, string messageId, CancellationToken cancellationToken);
}

/// <summary>The server refused for good (5xx, bad address): record the reason, do not retry.</summary>
public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
