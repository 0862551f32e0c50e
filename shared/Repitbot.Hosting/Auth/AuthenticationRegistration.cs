using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Hosting.Auth;

public static class AuthenticationRegistration
{
    /// <summary>Only what the gateway signs with; HS256 and "none" are refused whatever the header says.</summary>
    public static readonly IReadOnlyList<string> AllowedAlgorithms = [SecurityAlgorithms.EcdsaSha256];

    /// <summary>
    /// Every service validates every token itself (issuer, audience, lifetime, algorithm, signature
    /// against the gateway's JWKS) and denies any endpoint that does not opt out of authentication.
    /// </summary>
    public static IServiceCollection AddRepitbotAuthentication(this IServiceCollection services)
    {
        services.AddValidatedOptions<JwtOptions>("Jwt");
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwtOptions) =>
            {
                var jwt = jwtOptions.Value;
                bearer.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties; storing it cost a dictionary per request.
                bearer.SaveToken = false;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(new CachingTokenHandler(TimeProvider.System) { MapInboundClaims = false });
                bearer.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    jwt.JwksUrl!,
                    new JwksConfigurationRetriever(),
                    new HttpDocumentRetriever { RequireHttps = jwt.JwksUrl!.StartsWith("https:", StringComparison.Ordinal) })
                {
                    AutomaticRefreshInterval = TimeSpan.FromMinutes(10),
                    RefreshInterval = TimeSpan.FromSeconds(10),
                };
                bearer.TokenValidationParameters = CreateValidationParameters(jwt.Issuer!, jwt.Audience!);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.TutorData, p => p.RequireRole(Roles.Tutor, Roles.Admin, Roles.Service))
            .AddPolicy(Policies.AnyUser, p => p.RequireRole(Roles.All.ToArray()));
        return services;
    }

    public static TokenValidationParameters CreateValidationParameters(string issuer, string audience) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        ValidAlgorithms = AllowedAlgorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        // A token must name the key that signed it: a valid signature under a made-up key id is a forgery.
        TryAllIssuerSigningKeys = false,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = RepitbotClaims.Subject,
        RoleClaimType = RepitbotClaims.Role,
    };
}
