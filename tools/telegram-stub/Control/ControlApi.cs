using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Control;

/// <summary>/_stub/...: the control API for tests running the stub as a separate process. {token} may be "default".</summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var bots = app.MapGroup("/_stub/bots/{token}");
        bots.MapPost("/chats", (string token, ChatRequest body, StubControl stub) =>
        {
            stub.RegisterChat(body.Id, body.FirstName ?? "Test", body.Username, body.Type ?? "private", body.Title, Token(token, stub));
            return TypedResults.NoContent();
        });
        bots.MapPost("/chats/{chatId:long}/block", (string token, long chatId, BlockRequest? body, StubControl stub) =>
        {
            stub.BlockChat(chatId, body?.Blocked ?? true, Token(token, stub));
            return TypedResults.NoContent();
        });
        bots.MapPost("/faults", Results<NoContent, ValidationProblem> (string token, FaultRequest body, StubControl stub) =>
        {
            if (body.Seconds is { } seconds)
            {
                if (seconds is <= 0 or > 3600 || body.Count is not null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["seconds"] = ["seconds is 1..3600 and excludes count: an outage lasts a time, not a number of calls."],
                    });
                }

                stub.ScriptOutage(body.Method, body.Status, TimeSpan.FromSeconds(seconds), body.Description, body.RetryAfter, body.ChatId, Token(token, stub));
            }
            else
            {
                stub.ScriptFault(body.Method, body.Status, body.Count ?? 1, body.Description, body.RetryAfter, body.ChatId, Token(token, stub));
            }

            return TypedResults.NoContent();
        });
        bots.MapDelete("/faults", (string token, StubControl stub) =>
        {
            stub.ClearFaults(Token(token, stub));
            return TypedResults.NoContent();
        });
        bots.MapPost("/updates/message", (string token, TextRequest body, StubControl stub) =>
            TypedResults.Ok(stub.UserSendsText(body.UserId, body.Text, body.FirstName ?? "Test", body.Username, body.Duplicate ?? false, Token(token, stub))));
        bots.MapPost("/updates/callback", (string token, CallbackRequest body, StubControl stub) =>
            TypedResults.Ok(stub.UserPressesButton(body.UserId, body.MessageId, body.Data, Token(token, stub))));
        bots.MapPost("/updates/document", (string token, DocumentRequest body, StubControl stub) =>
            TypedResults.Ok(stub.UserSendsDocument(body.UserId, body.FileName, body.MimeType ?? "application/octet-stream", Convert.FromBase64String(body.ContentBase64), body.Caption, Token(token, stub))));
        bots.MapGet("/calls", (string token, string? method, long? chatId, StubControl stub) =>
            TypedResults.Ok(stub.Calls(method, chatId, Token(token, stub))));
        bots.MapGet("/counters", (string token, StubControl stub) =>
            TypedResults.Ok(new { counters = stub.Counters(Token(token, stub)), pendingUpdates = stub.PendingUpdateCount(Token(token, stub)) }));
        app.MapPost("/_stub/reset", (StubControl stub) =>
        {
            stub.Reset();
            return TypedResults.NoContent();
        });
        return app;
    }

    private static string? Token(string token, StubControl stub) =>
        token == "default" ? null : StubState.IsWellFormed(token) ? token : throw new BadHttpRequestException("token: a bot token looks like 123456:ABC-def");

    public sealed record ChatRequest(long Id, string? FirstName, string? Username, string? Type, string? Title);
    public sealed record BlockRequest(bool Blocked = true);
    public sealed record FaultRequest(string Method, int Status, int? Count, string? Description, int? RetryAfter, long? ChatId, double? Seconds = null);
    public sealed record TextRequest(long UserId, string Text, string? FirstName, string? Username, bool? Duplicate);
    public sealed record CallbackRequest(long UserId, int MessageId, string Data);
    public sealed record DocumentRequest(long UserId, string FileName, string? MimeType, string ContentBase64, string? Caption);
}
