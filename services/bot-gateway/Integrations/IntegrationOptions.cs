using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.Integrations;

/// <summary>Where the analytics and notification services are (Services__Analytics, Services__Notification).</summary>
public sealed class ServiceUrls
{
    [Url(ErrorMessage = "Services__Analytics must be an absolute http(s) URL.")]
    public string? Analytics { get; set; }

    [Url(ErrorMessage = "Services__Notification must be an absolute http(s) URL.")]
    public string? Notification { get; set; }
}

/// <summary>
/// The bot gateway's API client at the gateway: a client-credentials token (role service) for calling
/// analytics and notification on a user's behalf. Without these, /analytics and /notifications say the
/// service is unavailable.
/// </summary>
public sealed class ServiceAuthOptions
{
    /// <summary>The gateway's token endpoint, e.g. http://127.0.0.1:8080/auth/token.</summary>
    [Url(ErrorMessage = "Auth__TokenUrl must be an absolute http(s) URL.")]
    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool Configured => TokenUrl is { Length: > 0 } && ClientId is { Length: > 0 } && ClientSecret is { Length: > 0 };
}
