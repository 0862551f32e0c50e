using System.Net;
using System.Text.Json;

namespace Repitbot.Analytics.Tests.ReadSide;

public static class Problems
{
    /// <summary>Asserts a 400 problem naming exactly <paramref name="field"/>.</summary>
    public static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    /// <summary>Asserts a 404 problem listing the valid names.</summary>
    public static async Task<string[]> AssertUnknownAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("valid").EnumerateArray().Select(v => v.GetString()!).ToArray();
    }
}
