using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Startup;

namespace Repitbot.Gateway.Tokens;

public static class TokenRegistration
{
    public static IServiceCollection AddGatewayTokens(this IServiceCollection services)
    {
        services.AddValidatedOptions<TokenOptions>(TokenOptions.Section);
        services.AddSingleton(sp => SigningKeyRing.Load(sp.GetValidated<TokenOptions>()));
        services.AddSingleton<IStartupTask, SigningKeyCheck>();
        services.AddSingleton(sp =>
        {
            var jwt = sp.GetValidated<JwtOptions>();
            return new AccessTokenFactory(sp.GetRequiredService<SigningKeyRing>().Current, jwt.Issuer!, jwt.Audience!,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<TokenIssuer>();

        // The shared registration fetches keys from Jwt__JwksUrl. The gateway holds the keys itself, so it
        // validates against them directly: no HTTP call to itself, no race with its own start, and the
        // keys are parsed once, not per request.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<SigningKeyRing>((bearer, keys) =>
            {
                var configuration = new OpenIdConnectConfiguration();
                foreach (var key in keys.ValidationKeys)
                {
                    configuration.SigningKeys.Add(key);
                }

                bearer.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                bearer.Events = BearerChallenge.Events;
                // A key id the gateway does not know is refused outright, even if some known key would verify.
                bearer.TokenValidationParameters.TryAllIssuerSigningKeys = false;
            });
        return services;
    }
}
