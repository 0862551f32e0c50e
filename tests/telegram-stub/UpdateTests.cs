using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types;
using static Repitbot.TelegramStub.Tests.SendingTests;

namespace Repitbot.TelegramStub.Tests;

public sealed class UpdateTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_bot_that_dies_mid_poll_leaves_polling_working_for_its_restart()
    {
        await using var stub = await StubClient.StartRelaxedAsync();

        // The first process: its long poll is cut off by the connection going away (kill -9), not by a newer poll.
        using (var dying = new CancellationTokenSource())
        {
            var poll = StubClient.For(stub).GetUpdates(timeout: 40, cancellationToken: dying.Token);
            Assert.True(await Eventually.Async(() => Task.FromResult(stub.HasWaitingPoll())), "the long poll never reached the stub");
            await dying.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
            Assert.True(await Eventually.Async(() => Task.FromResult(!stub.HasWaitingPoll())), "the dead poll is still waiting");
        }

        // The restarted process polls again and gets what the user wrote meanwhile.
        stub.UserSendsText(778, "/start");
        var updates = await StubClient.For(stub).GetUpdates(timeout: 1);
        Assert.Equal("/start", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task Long_poll_wakes_on_user_input_and_offset_confirms_updates()
    {
        await using var stub = await StubClient.StartRelaxedAsync();
        var bot = StubClient.For(stub);

        // The poll would last 40 s; it must return as soon as the user writes.
        var poll = bot.GetUpdates(timeout: 40);
        Assert.True(await Eventually.Async(() => Task.FromResult(stub.HasWaitingPoll())), "the long poll never reached the stub");
        stub.UserSendsText(777, "/start lesson_42", "Ivan", "ivan");
        var updates = await poll.WaitAsync(Generous);
        var message = Assert.Single(updates).Message!;
        Assert.Equal("/start lesson_42", message.Text);
        Assert.Equal(Telegram.Bot.Types.Enums.MessageEntityType.BotCommand, message.Entities![0].Type);
        Assert.Equal(6, message.Entities[0].Length);
        Assert.Equal(777, message.Chat.Id);

        // Unconfirmed updates come again; an offset above them confirms them. The user's chat is now known.
        stub.UserSendsText(777, "second");
        Assert.Equal(2, (await bot.GetUpdates()).Length);
        var rest = await bot.GetUpdates(offset: updates[0].Id + 1);
        Assert.Equal("second", Assert.Single(rest).Message!.Text);
        Assert.True(rest[0].Id > updates[0].Id);
        Assert.Empty(await bot.GetUpdates(offset: rest[0].Id + 1));
        await bot.SendMessage(777, "Привет!");

        await bot.SetWebhook("http://127.0.0.1:9/hook");
        await AssertApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", () => bot.GetUpdates());
        await bot.DeleteWebhook();
        Assert.Empty(await bot.GetUpdates());
    }

    [Fact]
    public async Task Webhook_gets_updates_with_the_secret_header_and_redelivery_after_failure()
    {
        var received = new ConcurrentQueue<(string? Secret, Update Update)>();
        var failFirst = 1;
        await using var hook = await StartReceiverAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var update = JsonSerializer.Deserialize<Update>(await reader.ReadToEndAsync(), JsonBotAPI.Options)!;
            if (Interlocked.Exchange(ref failFirst, 0) == 1)
            {
                context.Response.StatusCode = 500;
                return;
            }

            received.Enqueue((context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"], update));
        });
        await using var stub = await StubClient.StartRelaxedAsync(o => o.WebhookRetryDelay = TimeSpan.FromMilliseconds(50));
        var bot = StubClient.For(stub);
        await bot.SetWebhook(hook.Url, secretToken: "s3cret_token");
        Assert.Equal(hook.Url, (await bot.GetWebhookInfo()).Url);

        stub.UserSendsText(888, "hello", duplicate: true);
        stub.UserSendsDocument(888, "homework.pdf", "application/pdf", [1, 2, 3]);
        Assert.True(await Eventually.Async(() => Task.FromResult(received.Count == 3)), $"webhook got {received.Count} of 3 updates");

        var got = received.ToArray();
        Assert.All(got, r => Assert.Equal("s3cret_token", r.Secret));
        Assert.Equal(got[0].Update.Id, got[1].Update.Id);
        Assert.Equal("hello", got[1].Update.Message!.Text);
        Assert.Equal("homework.pdf", got[2].Update.Message!.Document!.FileName);
        var info = await bot.GetWebhookInfo();
        Assert.Equal(0, info.PendingUpdateCount);
        Assert.Contains("500", info.LastErrorMessage);
        Assert.Equal(1, stub.Counters().WebhookFailures);
    }

    private static async Task<Receiver> StartReceiverAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", handle);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Receiver(app, address + "/hook");
    }

    private sealed record Receiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
