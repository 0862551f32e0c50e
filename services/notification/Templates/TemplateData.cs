using System.Text.Json;

namespace Repitbot.Notification.Templates;

/// <summary>Template variables to and from the JSON kept with each notification.</summary>
public static class TemplateData
{
    public static string ToJson(IReadOnlyDictionary<string, object?> data) => JsonSerializer.Serialize(data);

    public static Dictionary<string, object?> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value));
    }

    public static Dictionary<string, object?> FromElements(IReadOnlyDictionary<string, JsonElement>? elements) =>
        elements?.ToDictionary(e => e.Key, e => Convert(e.Value)) ?? [];

    /// <summary>JSON values as the plain .NET values Fluid understands (a false must stay falsy).</summary>
    public static object? Convert(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        _ => null,
    };
}
