using System.Text.Json;
using System.Text.Json.Nodes;
using Repitbot.TelegramStub.Methods;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Api;

/// <summary>/bot{token}/{method} and /file/bot{token}/{path}: the surface Telegram.Bot talks to.</summary>
public static class BotApiEndpoints
{
    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app)
    {
        // Not "/bot{token}": a complex segment matches the last "bot" in it, and real tokens may contain "bot".
        app.MapMethods("/{botToken}/{method}", [HttpMethods.Get, HttpMethods.Post], HandleAsync);
        app.MapGet("/file/{botToken}/{**path}", DownloadFile);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, string botToken, string method, StubState state)
    {
        var token = botToken.StartsWith("bot", StringComparison.Ordinal) ? botToken[3..] : "";
        var bot = state.Find(token);
        if (bot is null)
        {
            return StubState.IsWellFormed(token) ? Error(new BotApiException(401, "Unauthorized")) : Error(new BotApiException(404, "Not Found"));
        }

        var name = MethodTable.Canonical(method);
        if (name is null)
        {
            return Error(new BotApiException(404, "Not Found"));
        }

        BotParameters parameters = new();
        int status;
        string? description = null;
        IResult result;
        try
        {
            parameters = await BotParameters.ReadAsync(http.Request, http.RequestAborted);
            var call = new MethodContext(bot, name, parameters, http.RequestAborted);
            ApplyScriptedFault(bot, name, ChatIdOf(parameters));
            var answer = await MethodTable.InvokeAsync(call);
            status = 200;
            result = Ok(answer);
        }
        catch (BotApiException e)
        {
            status = e.ErrorCode;
            description = e.Description;
            result = Error(e);
        }

        Record(bot, name, parameters, status, description);
        return result;
    }

    private static IResult DownloadFile(string botToken, string path, StubState state)
    {
        var token = botToken.StartsWith("bot", StringComparison.Ordinal) ? botToken[3..] : "";
        var bot = state.Find(token);
        if (bot is null)
        {
            return Error(new BotApiException(401, "Unauthorized"));
        }

        lock (bot.Sync)
        {
            var file = bot.Files.Values.FirstOrDefault(f => f.FilePath == path);
            return file is null
                ? Error(new BotApiException(404, "Not Found"))
                : Results.Bytes(file.Content, file.MimeType ?? "application/octet-stream");
        }
    }

    private static void ApplyScriptedFault(BotState bot, string method, long? chatId)
    {
        lock (bot.Sync)
        {
            var now = DateTimeOffset.UtcNow;
            bot.Faults.RemoveAll(f => !f.IsActive(now));
            var fault = bot.Faults.FirstOrDefault(f => f.Matches(method, chatId, now));
            if (fault is null)
            {
                return;
            }

            fault.Consume();
            if (!fault.IsActive(now))
            {
                bot.Faults.Remove(fault);
            }

            throw new BotApiException(fault.Status, fault.EffectiveDescription, fault.Status == 429 ? fault.RetryAfter ?? 1 : null);
        }
    }

    private static long? ChatIdOf(BotParameters p)
    {
        try
        {
            return p.WholeNumber("chat_id");
        }
        catch (BotApiException)
        {
            return null;
        }
    }

    private static void Record(BotState bot, string method, BotParameters p, int status, string? description)
    {
        lock (bot.Sync)
        {
            if (status == 429)
            {
                bot.Counters.TooManyRequests++;
            }
            else if (status != 200)
            {
                bot.Counters.Errors++;
            }

            bot.Calls.Add(new RecordedCall(++bot.CallSequence, DateTimeOffset.UtcNow, method, ChatIdOf(p), (JsonObject)p.Values.DeepClone(), p.Files, status, description));
        }
    }

    // Readable bodies (no \u0026 for "&"); any JSON client reads both forms.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IResult Ok(JsonNode result) =>
        Results.Content(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(Relaxed), "application/json", statusCode: 200);

    public static IResult Error(BotApiException e)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = e.ErrorCode, ["description"] = e.Description };
        if (e.RetryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return Results.Content(body.ToJsonString(Relaxed), "application/json", statusCode: e.ErrorCode);
    }
}
