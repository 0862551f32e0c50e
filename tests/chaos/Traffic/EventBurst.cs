using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Chaos.Suite;

namespace Repitbot.Chaos.Traffic;

/// <summary>What became of one planned event: accepted (2xx, with the event id the API answered) or given up.</summary>
public sealed record SentEvent(PlannedEvent Planned, Guid? EventId, int FinalStatus, int Attempts)
{
    public bool Accepted => EventId is not null;
}

/// <summary>
/// Sends a burst like an integrator would: a few requests in flight, each retried on 503, 502/504, 500, 429 and refused
/// or dropped connections (same body, so the same idempotent request) until it is answered 2xx or 4xx, or time runs out.
/// </summary>
public static class EventBurst
{
    private const int InFlight = 4;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(150);

    public static async Task<List<SentEvent>> SendAsync(ChaosSuite suite, string token, IReadOnlyList<PlannedEvent> events,
        TimeSpan pause, CallLog log, Action<int> afterEach)
    {
        var queue = new ConcurrentQueue<PlannedEvent>(events);
        var sent = new ConcurrentBag<SentEvent>();
        var done = 0;
        var workers = Enumerable.Range(0, InFlight).Select(async _ =>
        {
            while (queue.TryDequeue(out var planned))
            {
                sent.Add(await SendOneAsync(suite, token, planned, log));
                afterEach(Interlocked.Increment(ref done));
                await Task.Delay(pause);
            }
        });
        await Task.WhenAll(workers);
        return [.. sent.OrderBy(s => s.Planned.Number)];
    }

    private static async Task<SentEvent> SendOneAsync(ChaosSuite suite, string token, PlannedEvent planned, CallLog log)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        var attempts = 0;
        var status = 0;
        while (DateTime.UtcNow < deadline)
        {
            attempts++;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, planned.Path) { Content = JsonContent.Create(planned.Body) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await suite.Gateway.SendAsync(request);
                status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                log.Add(status, $"POST {planned.Path} → {status} {text[..Math.Min(300, text.Length)]}");
                if (status is >= 200 and < 300)
                {
                    return new SentEvent(planned, EventIdOf(JsonDocument.Parse(text).RootElement), status, attempts);
                }

                if (status is >= 400 and < 500 and not 408 and not 429)
                {
                    return new SentEvent(planned, null, status, attempts);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                status = 0;
                log.Add(0, $"POST {planned.Path}: {ex.Message}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 250 * attempts)));
        }

        return new SentEvent(planned, null, status, attempts);
    }

    /// <summary>lessons/completed answers flat ({eventId,...}); the others {kind, replayed, event: {eventId,...}}.</summary>
    private static Guid EventIdOf(JsonElement answer) =>
        answer.TryGetProperty("eventId", out var id) ? id.GetGuid() : answer.GetProperty("event").GetProperty("eventId").GetGuid();

    /// <summary>Reads the tutor's dashboard every second until cancelled, recording each answer (a client watching it through the outage).</summary>
    public static async Task WatchDashboardAsync(ChaosSuite suite, string token, CallLog log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard?days=7");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await suite.Gateway.SendAsync(request, stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                log.Add((int)response.StatusCode, $"GET /api/v1/dashboard → {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                log.Add(0, $"GET /api/v1/dashboard: {ex.Message}");
            }

            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
