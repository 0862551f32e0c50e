using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repitbot.BotGateway.Tests.Support;

public static class Json
{
    /// <summary>How the service writes JSON: camelCase names, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A body exactly as given, so that tests can send JSON no serializer would write.</summary>
    public static StringContent Raw(string body) =>
        new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
