using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;

namespace Repitbot.TestSupport;

/// <summary>A signing key of the test's own, trusted by a test host in place of the gateway's JWKS.</summary>
public sealed class TestTokens
{
    public const string Issuer = "repitbot-gateway";
    public const string Audience = "repitbot";

    public TestTokens(ECDsaSecurityKey? key = null)
    {
        Key = key ?? SigningKey.Generate();
        Factory = new AccessTokenFactory(Key, Issuer, Audience, TimeProvider.System);
    }

    public ECDsaSecurityKey Key { get; }

    public AccessTokenFactory Factory { get; }

    public string Tutor(Guid tutorId) => Factory.Create(tutorId.ToString(), Roles.Tutor, TimeSpan.FromMinutes(10));

    public string Student(Guid studentId) => Factory.Create(studentId.ToString(), Roles.Student, TimeSpan.FromMinutes(10));

    public string Service(string name = "bot-gateway") => Factory.Create(name, Roles.Service, TimeSpan.FromMinutes(10));

    public string Admin() => Factory.Create("admin-test", Roles.Admin, TimeSpan.FromMinutes(10));

    /// <summary>Makes the host validate tokens against this key (all other validation rules unchanged).</summary>
    public void Trust(IServiceCollection services)
    {
        var configuration = new OpenIdConnectConfiguration();
        configuration.SigningKeys.Add(Key);
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration));
    }
}
