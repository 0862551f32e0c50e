using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Repitbot.Hosting.Errors;

/// <summary>Maps a request-binding failure to field name → messages, in the client's JSON names.</summary>
public static partial class RequestErrorDescriber
{
    private static readonly string[] RequiredMessage = ["This field is required."];

    public static Dictionary<string, string[]> Describe(BadHttpRequestException exception)
    {
        if (FindJsonException(exception) is { } json)
        {
            return DescribeJson(json);
        }

        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new() { ["body"] = ["The request body exceeds the size limit."] };
        }

        // Parameter binding failures read: Failed to bind parameter "int days" from "abc".
        var parameter = ParameterName().Match(exception.Message);
        return parameter.Success
            ? new() { [parameter.Groups["name"].Value] = [$"The value '{parameter.Groups["value"].Value}' is not valid."] }
            : new() { ["body"] = [exception.Message] };
    }

    private static Dictionary<string, string[]> DescribeJson(JsonException json)
    {
        var missing = MissingProperties().Match(json.Message);
        if (missing.Success)
        {
            return missing.Groups["names"].Value
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''))
                .ToDictionary(n => n, _ => RequiredMessage);
        }

        var field = FieldFromPath(json.Path);
        var message = json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"The value is not of the expected type{ExpectedType(json.Message)}."
            : "The request body is not valid JSON.";
        return new() { [field] = [message] };
    }

    private static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string ExpectedType(string message)
    {
        var type = ConvertedType().Match(message);
        // The message goes on with ". Path: ..."; the sentence's full stop is not part of the type name.
        return type.Success ? $" ({type.Groups["type"].Value.TrimEnd('.')})" : string.Empty;
    }

    private static JsonException? FindJsonException(Exception? exception) => exception switch
    {
        null => null,
        JsonException json => json,
        _ => FindJsonException(exception.InnerException),
    };

    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.?$", RegexOptions.Singleline)]
    private static partial Regex MissingProperties();

    [GeneratedRegex("could not be converted to (?:System\\.)?(?<type>[\\w.\\[\\]`]+)")]
    private static partial Regex ConvertedType();

    [GeneratedRegex("Failed to bind parameter \"\\S+ (?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex ParameterName();
}
