using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Repitbot.TestSupport.Browser;

/// <summary>
/// A service's API documentation page (<c>/docs</c>, Swagger UI over <c>/openapi/v1.json</c>) as a reader without
/// a token meets it: the page, every file it loads and its OpenAPI document open, the page draws the service's
/// operations in a real browser, and the API those operations describe still answers 401 without a token.
/// </summary>
public static partial class DocsPage
{
    /// <summary>Starts <paramref name="factory"/> (not started yet) on a loopback port of its own, checks its page, stops it.</summary>
    public static async Task AssertOpensWithoutTokenAsync<TProgram>(ServiceFactory<TProgram> factory, string title,
        string operationPath, string protectedPath)
        where TProgram : class
    {
        factory.UseKestrel(0);
        await factory.InitializeAsync();
        try
        {
            await AssertOpensWithoutTokenAsync(KestrelAddress.Of(factory.Services), title, operationPath, protectedPath);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    /// <param name="service">A service on a real socket (Kestrel): the browser cannot reach an in-memory test server.</param>
    /// <param name="title">The API's title as the OpenAPI document gives it, e.g. <c>Repitbot.Gateway | v1</c>.</param>
    /// <param name="operationPath">A path the page must list, e.g. <c>/auth/token</c>.</param>
    /// <param name="protectedPath">A GET route of the same API that needs a token.</param>
    public static async Task AssertOpensWithoutTokenAsync(Uri service, string title, string operationPath, string protectedPath)
    {
        using var anonymous = new HttpClient { BaseAddress = service };
        var page = await anonymous.GetAsync(new Uri("/docs/index.html", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET /docs/index.html without a token: {(int)page.StatusCode} {html}");

        var files = LinkedFiles().Matches(html).Select(m => m.Groups["file"].Value).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files.Append("/openapi/v1.json"))
        {
            var response = await anonymous.GetAsync(new Uri(new Uri(service, "/docs/"), file));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {file} (loaded by /docs) without a token: {(int)response.StatusCode}");
        }

        var dom = await HeadlessBrowser.RenderAsync(new Uri(service, "/docs/index.html"));
        // Drawn by the page's scripts from the OpenAPI document: the static HTML has neither.
        Assert.True(dom.Contains($">{title}<", StringComparison.Ordinal), $"the page in chromium shows no title '{title}':\n{dom}");
        Assert.True(dom.Contains($"data-path=\"{operationPath}\"", StringComparison.Ordinal),
            $"the page in chromium lists no operation {operationPath}:\n{dom}");
        Assert.DoesNotContain("Failed to load API definition", dom, StringComparison.Ordinal);

        var api = await anonymous.GetAsync(new Uri(protectedPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [GeneratedRegex("""(?:src|href)="(?<file>[^"#?]+)["#?]""")]
    private static partial Regex LinkedFiles();
}
