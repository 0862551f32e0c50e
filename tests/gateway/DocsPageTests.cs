using Repitbot.Gateway.Tests.Support;
using Repitbot.TestSupport;
using Repitbot.TestSupport.Browser;

namespace Repitbot.Gateway.Tests;

/// <summary>The gateway's API documentation opens in a browser without a token; its API still needs one.</summary>
public sealed class DocsPageTests
{
    [Fact]
    public async Task The_docs_page_opens_in_chromium_without_a_token()
    {
        await using var gateway = await GatewayHost.StartAsync(kestrel: true);

        await DocsPage.AssertOpensWithoutTokenAsync(KestrelAddress.Of(gateway.Services), "Repitbot.Gateway | v1", "/auth/token",
            "/api/v1/dashboard?days=7");
    }
}
