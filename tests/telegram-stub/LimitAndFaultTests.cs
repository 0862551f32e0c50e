using System.Net.Http.Json;
using Telegram.Bot;
using static Repitbot.TelegramStub.Tests.SendingTests;

namespace Repitbot.TelegramStub.Tests;

public sealed class LimitAndFaultTests
{
    [Fact]
    public async Task Sends_beyond_the_per_chat_and_global_windows_get_429_with_retry_after()
    {
        // A long window makes the answer independent of how fast this shared machine runs the test.
        await using var stub = await TelegramApiStub.StartAsync(o => { o.GlobalLimit = 3; o.RateWindow = TimeSpan.FromMinutes(1); });
        var bot = StubClient.For(stub);
        foreach (var chat in new long[] { 1, 2, 3, 4 })
        {
            stub.RegisterChat(chat);
        }

        await bot.SendMessage(1, "a");
        var perChat = await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() => bot.SendMessage(1, "b"));
        Assert.Equal(429, perChat.ErrorCode);
        Assert.InRange(perChat.Parameters!.RetryAfter!.Value, 1, 60);
        Assert.Equal($"Too Many Requests: retry after {perChat.Parameters.RetryAfter}", perChat.Message);

        await bot.SendMessage(2, "c");
        await bot.SendMessage(3, "d");
        var global = await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() => bot.SendMessage(4, "e"));
        Assert.Equal(429, global.ErrorCode);
        Assert.InRange(global.Parameters!.RetryAfter!.Value, 1, 60);

        var counters = stub.Counters();
        Assert.Equal(3, counters.Sent);
        Assert.Equal(2, counters.TooManyRequests);
    }

    [Fact]
    public async Task Scripted_faults_answer_the_next_calls_then_stop()
    {
        await using var stub = await StubClient.StartRelaxedAsync();
        var bot = StubClient.For(stub);
        stub.RegisterChat(10);
        stub.RegisterChat(11);
        stub.ScriptFault("sendmessage", 500, count: 2);
        stub.ScriptFault("sendMessage", 429, retryAfter: 7, chatId: 11);
        stub.ScriptFault("sendMessage", 400, description: "Bad Request: PEER_ID_INVALID", chatId: 10);

        await AssertApiError(500, "Internal Server Error", () => bot.SendMessage(10, "x"));
        await AssertApiError(500, "Internal Server Error", () => bot.SendMessage(11, "x"));
        var limited = await AssertApiError(429, "Too Many Requests: retry after 7", () => bot.SendMessage(11, "x"));
        Assert.Equal(7, limited.Parameters!.RetryAfter);
        await AssertApiError(400, "Bad Request: PEER_ID_INVALID", () => bot.SendMessage(10, "x"));
        Assert.Equal("x", (await bot.SendMessage(10, "x")).Text);
        Assert.Equal("x", (await bot.SendMessage(11, "x")).Text);
        Assert.Equal(1, stub.Counters().TooManyRequests);
        Assert.Equal(6, stub.Calls("SENDMESSAGE").Count);
    }

    [Fact]
    public async Task The_client_retries_429_by_itself_unless_told_not_to()
    {
        // Telegram.Bot retries "retry after N" answers (N <= RetryThreshold) up to RetryCount times; services relying on their own retry must know.
        await using var stub = await StubClient.StartRelaxedAsync();
        stub.RegisterChat(12);
        stub.ScriptFault("sendMessage", 429, retryAfter: 1);
        var options = new TelegramBotClientOptions(stub.Token, stub.BaseUrl);
        Assert.Equal((60, 3), (options.RetryThreshold, options.RetryCount));
        var retrying = new TelegramBotClient(options);
        Assert.Equal("ok", (await retrying.SendMessage(12, "ok")).Text);
        Assert.Equal([429, 200], stub.Calls("sendMessage").Select(c => c.Status).ToArray());
    }
    [Fact]
    public async Task A_timed_outage_fails_every_matching_call_until_it_ends_or_is_cleared()
    {
        await using var stub = await StubClient.StartRelaxedAsync();
        var bot = StubClient.For(stub);
        stub.RegisterChat(20);
        stub.RegisterChat(21);
        stub.ScriptOutage("sendMessage", 500, TimeSpan.FromMinutes(5), chatId: 20);

        // More calls than any counted fault would answer: the outage is a time, not a number of calls.
        for (var i = 0; i < 4; i++)
        {
            await AssertApiError(500, "Internal Server Error", () => bot.SendMessage(20, "x"));
        }

        // Scripted only now: on a loaded machine the first calls above (a new connection, code compiled on first use)
        // once outlasted a short outage scripted beside the long one, and its 429 never came.
        stub.ScriptOutage("sendMessage", 429, TimeSpan.FromMilliseconds(1500), retryAfter: 3, chatId: 21);
        var limited = await AssertApiError(429, "Too Many Requests: retry after 3", () => bot.SendMessage(21, "x"));
        Assert.Equal(3, limited.Parameters!.RetryAfter);
        await Task.Delay(TimeSpan.FromMilliseconds(1600));
        Assert.Equal("after", (await bot.SendMessage(21, "after")).Text);

        stub.ClearFaults();
        Assert.Equal("cleared", (await bot.SendMessage(20, "cleared")).Text);
    }

    [Fact]
    public async Task The_control_api_scripts_an_outage_in_seconds_and_refuses_seconds_with_a_count()
    {
        await using var stub = await StubClient.StartRelaxedAsync();
        var bot = StubClient.For(stub);
        stub.RegisterChat(22);
        using var http = new HttpClient { BaseAddress = new Uri(stub.BaseUrl) };

        var refused = await http.PostAsJsonAsync("/_stub/bots/default/faults", new { method = "*", status = 500, seconds = 60, count = 2 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("seconds", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var scripted = await http.PostAsJsonAsync("/_stub/bots/default/faults", new { method = "*", status = 502, seconds = 60 });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, scripted.StatusCode);
        await AssertApiError(502, "Bad Gateway", () => bot.SendMessage(22, "x"));
        await AssertApiError(502, "Bad Gateway", () => bot.SendMessage(22, "x"));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await http.DeleteAsync("/_stub/bots/default/faults")).StatusCode);
        Assert.Equal("ok", (await bot.SendMessage(22, "ok")).Text);
    }
}
