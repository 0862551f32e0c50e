using Repitbot.Gateway.Clients;
using Repitbot.Gateway.Edge;
using Repitbot.Gateway.RateLimits;
using Repitbot.Gateway.Sessions;
using Repitbot.Gateway.Telegram;

namespace Repitbot.Gateway.Tokens;

public static class AuthApi
{
    /// <summary>Every /auth endpoint: anonymous, limited per calling IP, small bodies only.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth")
            .AllowAnonymous()
            .WithTags("Tokens")
            .WithMetadata(AuthAddressLimited.Instance)
            .WithMetadata(BodySizeLimit.Auth);
        auth.MapClientCredentialsApi();
        auth.MapTelegramLoginApi();
        auth.MapSessionApi();
        return app;
    }
}
