using Repitbot.Notification.Tests.Support;
using Repitbot.TestSupport.Browser;

namespace Repitbot.Notification.Tests;

/// <summary>The service's API documentation opens in a browser without a token; its API still needs one.</summary>
public sealed class DocsPageTests
{
    [Fact]
    public Task The_docs_page_opens_in_chromium_without_a_token() =>
        DocsPage.AssertOpensWithoutTokenAsync(new NotificationFactory(),
            "Repitbot.Notification | v1", "/api/v1/templates/{type}/{channel}/{locale}", "/api/v1/templates");
}
