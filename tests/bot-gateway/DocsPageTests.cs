using Repitbot.BotGateway.Tests.Support;
using Repitbot.TestSupport.Browser;

namespace Repitbot.BotGateway.Tests;

/// <summary>The service's API documentation opens in a browser without a token; its API still needs one.</summary>
public sealed class DocsPageTests
{
    [Fact]
    public Task The_docs_page_opens_in_chromium_without_a_token() =>
        DocsPage.AssertOpensWithoutTokenAsync(new BotGatewayFactory(),
            "Repitbot.BotGateway | v1", "/api/v1/webhooks/{source}", "/api/v1/webhooks/inbox");
}
