using System.Text.Json;

namespace Repitbot.BotGateway.Tests.Support;

/// <summary>Reads RFC 9457 problem details and checks that they are problem details.</summary>
public static class Problem
{
    public const string MediaType = "application/problem+json";

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == MediaType,
            $"Expected {MediaType}, got '{response.Content.Headers.ContentType}' with body: {body}");
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The field names of a validation problem's <c>errors</c> object.</summary>
    public static async Task<IReadOnlyList<string>> ReadErrorFieldsAsync(HttpResponseMessage response)
    {
        var problem = await ReadAsync(response);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object,
            $"Expected an 'errors' object in: {problem}");
        return errors.EnumerateObject().Select(e => e.Name).ToList();
    }
}
