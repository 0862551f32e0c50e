using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Repitbot.TelegramStub.Api;

namespace Repitbot.TelegramStub.Methods;

/// <summary>getMe, answerCallbackQuery, setMyCommands/getMyCommands and getFile.</summary>
public static partial class BotMethods
{
    public static JsonNode GetMe(MethodContext call) => call.Bot.BotUser();

    public static JsonNode AnswerCallbackQuery(MethodContext call)
    {
        var id = call.Parameters.Text("callback_query_id");
        if (id is null || !call.Bot.OpenCallbackQueries.Remove(id))
        {
            throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
        }

        return (call.Parameters.Text("text")?.Length ?? 0) > 200 ? throw BotApiException.BadRequest("MESSAGE_TOO_LONG") : true;
    }

    public static JsonNode SetMyCommands(MethodContext call)
    {
        if (call.Parameters.Json("commands") is not JsonArray commands)
        {
            throw BotApiException.BadRequest("parameter \"commands\" is required");
        }

        if (commands.Count > 100)
        {
            throw BotApiException.BadRequest("BOT_COMMANDS_TOO_MUCH");
        }

        foreach (var command in commands)
        {
            var name = command?["command"]?.GetValue<string>() ?? "";
            var description = command?["description"]?.GetValue<string>() ?? "";
            if (!CommandShape().IsMatch(name))
            {
                throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (description.Trim().Length is 0 or > 256)
            {
                throw BotApiException.BadRequest("command description is empty");
            }
        }

        call.Bot.Commands = commands.DeepClone().AsArray();
        return true;
    }

    public static JsonNode GetMyCommands(MethodContext call) => call.Bot.Commands.DeepClone();

    public static JsonNode GetFile(MethodContext call)
    {
        var id = call.Parameters.Text("file_id");
        var file = id is null ? null : call.Bot.Files.GetValueOrDefault(id);
        return file is null
            ? throw BotApiException.BadRequest("invalid file_id")
            : new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = file.Content.Length,
                ["file_path"] = file.FilePath,
            };
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandShape();
}
