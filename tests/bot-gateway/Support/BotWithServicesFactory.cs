using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Repitbot.BotGateway.Integrations;

namespace Repitbot.BotGateway.Tests.Support;

/// <summary>The bot with a service token and analytics and notification answering through <see cref="FakeServices"/>.</summary>
public sealed class BotWithServicesFactory : BotFactory
{
    public FakeServices Fakes { get; } = new();

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        base.ConfigureTestServices(builder);
        builder.UseSetting("Auth:TokenUrl", "http://gateway.test/auth/token");
        builder.UseSetting("Auth:ClientId", "bot-gateway");
        builder.UseSetting("Auth:ClientSecret", "fake-secret");
        builder.UseSetting("Services:Analytics", "http://analytics.test");
        builder.UseSetting("Services:Notification", "http://notification.test");
        builder.ConfigureTestServices(services =>
        {
            foreach (var client in new[] { ServiceTokens.HttpClientName, nameof(AnalyticsClient), nameof(NotificationClient) })
            {
                services.Configure<HttpClientFactoryOptions>(client, o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Fakes));
            }
        });
    }

    /// <summary>The caption of the newest photo the bot sent to <paramref name="userId"/>.</summary>
    public string LastPhotoCaption(long userId) =>
        System.Net.WebUtility.HtmlDecode(Stub.Calls("sendPhoto", userId)[^1].Parameters["caption"]!.GetValue<string>());
}
