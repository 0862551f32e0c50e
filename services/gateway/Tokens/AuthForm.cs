using System.Text.Json;

namespace Repitbot.Gateway.Tokens;

/// <summary>
/// The flat body of an /auth request, form-encoded (as OAuth specifies) or a JSON object (what a
/// browser holding the Telegram widget's user object sends). JSON numbers and booleans keep their
/// literal text, because the Telegram signature covers the values as sent.
/// </summary>
public static class AuthForm
{
    public const int MaxFields = 32;

    public static async Task<(Dictionary<string, string>? Fields, Dictionary<string, string[]>? Errors)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.Count > MaxFields
                ? (null, Error($"At most {MaxFields} fields are accepted."))
                : (form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Error("Send the fields as application/x-www-form-urlencoded or as a JSON object."));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromJson(document.RootElement)
                : (null, Error("The body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (null, Error("The request body is not valid JSON."));
        }
    }

    private static (Dictionary<string, string>?, Dictionary<string, string[]>?) FromJson(JsonElement root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (fields.Count == MaxFields)
            {
                return (null, Error($"At most {MaxFields} fields are accepted."));
            }

            string? value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
            if (value is null)
            {
                return (null, new() { [property.Name] = ["Must be a string, a number or a boolean."] });
            }

            fields[property.Name] = value;
        }

        return (fields, null);
    }

    private static Dictionary<string, string[]> Error(string message) => new() { ["body"] = [message] };
}
