using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Api;

/// <summary>A call's parameters, merged from the query string and a JSON, urlencoded or multipart body, as the real API accepts.</summary>
public sealed class BotParameters
{
    public JsonObject Values { get; } = [];
    public List<UploadedFile> Files { get; } = [];

    public static async Task<BotParameters> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var result = new BotParameters();
        foreach (var (key, value) in request.Query)
        {
            result.Values[key] = value.ToString();
        }

        if (!HttpMethods.IsPost(request.Method) || request.ContentLength == 0)
        {
            return result;
        }

        var type = request.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }

            if (body is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    result.Values[key] = value?.DeepClone();
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                result.Values[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                result.Files.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
            }
        }

        return result;
    }

    public string? Text(string name) => Values[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonNode n => n.ToJsonString(),
    };

    public long? WholeNumber(string name)
    {
        var node = Values[name];
        if (node is JsonValue v && v.TryGetValue(out long l))
        {
            return l;
        }

        var s = Text(name);
        if (s is null || s.Length == 0)
        {
            return null;
        }

        return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw BotApiException.BadRequest($"invalid {name} specified");
    }

    public int? Number(string name) => WholeNumber(name) is { } l ? (int)Math.Clamp(l, int.MinValue, int.MaxValue) : null;

    public bool Bool(string name) => Values[name] switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        _ => Text(name) is { } s && (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1"),
    };

    /// <summary>An object parameter; urlencoded and multipart bodies carry it as a JSON string.</summary>
    public JsonNode? Json(string name)
    {
        var node = Values[name];
        if (node is JsonValue v && v.TryGetValue(out string? s))
        {
            try
            {
                return JsonNode.Parse(s);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest($"can't parse {name} JSON object");
            }
        }

        return node?.DeepClone();
    }

    /// <summary>An uploaded file: either a part named like the parameter or an "attach://name" reference.</summary>
    public UploadedFile? File(string name)
    {
        var reference = Text(name);
        var field = reference is not null && reference.StartsWith("attach://", StringComparison.Ordinal) ? reference[9..] : name;
        return Files.FirstOrDefault(f => f.Field == field);
    }
}
