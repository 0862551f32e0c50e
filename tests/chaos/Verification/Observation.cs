using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Chaos.Suite;
using Repitbot.Chaos.Traffic;

namespace Repitbot.Chaos.Verification;

/// <summary>
/// One look at everything a burst should have become, compared with the expectations; <see cref="Problems"/> empty = settled.
/// A second copy of a message is a problem unless the notification service announced it: a row claimed again after
/// its lease ran out (its instance was killed between the provider's answer and the row's "Sent") may have reached
/// the reader before, and neither the Bot API nor SMTP can be asked. <see cref="Announced"/> counts those rows.
/// </summary>
public sealed record Observation(
    int Stored, string Dashboard, int EmailsExpected, int EmailsSent, int EmailDuplicates,
    int TelegramExpected, int TelegramSent, int TelegramDuplicates, int Announced, int Stuck, IReadOnlyList<string> Problems)
{
    private static readonly string[] BurstTypes = [.. Enum.GetNames<EventKind>()];

    public static async Task<Observation> TakeAsync(ChaosSuite suite, Roster roster, Expectations expected, long telegramAfterSequence)
    {
        var problems = new List<string>();
        var acceptedIds = expected.Accepted.Select(e => e.EventId!.Value).ToArray();

        var stored = (int)await suite.QueryAsync<long>("analytics",
            "SELECT count(*) FROM analytics.events WHERE tutor_id = @tutor AND type = ANY(@types)", ("tutor", roster.TutorId), ("types", BurstTypes));
        var storedAccepted = (int)await suite.QueryAsync<long>("analytics",
            "SELECT count(*) FROM analytics.events WHERE tutor_id = @tutor AND event_id = ANY(@ids)", ("tutor", roster.TutorId), ("ids", acceptedIds));
        if (stored != acceptedIds.Length || storedAccepted != acceptedIds.Length)
        {
            problems.Add($"analytics stored {stored} burst events ({storedAccepted} of the accepted ones), the API accepted {acceptedIds.Length}");
        }

        var dashboard = await DashboardAsync(suite, roster.TutorToken);
        var want = (expected.Count(EventKind.LessonCompleted), expected.Count(EventKind.HomeworkAssigned), expected.RevenueMinor);
        if (dashboard != want)
        {
            problems.Add($"dashboard lessons/homework/revenue {dashboard} ≠ accepted {want}");
        }

        var studentIds = roster.Students.Select(s => s.Id).ToArray();
        var announced = await AnnouncedAsync(suite, studentIds);
        var wantedMail = expected.EmailsByAddress(roster.Students);
        var mail = suite.Mail.CountFor(wantedMail.Keys);
        foreach (var (address, count) in wantedMail)
        {
            // A resend keeps its Message-ID: another notification would have another one.
            var (files, distinct) = mail[address];
            if (distinct != count || files - distinct > announced.GetValueOrDefault(address))
            {
                problems.Add($"{address}: {files} e-mails ({distinct} distinct), expected {count}; "
                    + $"{announced.GetValueOrDefault(address)} announced as possible duplicates");
            }
        }

        var wantedTelegram = expected.TelegramByChat(roster.Students);
        var telegramSent = 0;
        var telegramDuplicates = 0;
        foreach (var (chat, count) in wantedTelegram)
        {
            var texts = suite.Telegram.Calls("sendMessage", chat)
                .Where(c => c.Sequence > telegramAfterSequence && c.Status == 200)
                .Select(c => c.Parameters["text"]?.ToString() ?? "").ToList();
            telegramSent += texts.Count;
            telegramDuplicates += Math.Max(0, texts.Count - count);
            var possible = announced.GetValueOrDefault(chat.ToString(CultureInfo.InvariantCulture));
            if (texts.Count < count || texts.Count - count > possible)
            {
                problems.Add($"Telegram chat {chat}: {texts.Count} messages, expected {count}; {possible} announced as possible duplicates");
            }
        }

        var stuck = (int)await suite.QueryAsync<long>("notification",
            "SELECT count(*) FROM notification.deliveries WHERE recipient_id = ANY(@ids) AND status NOT IN ('Sent', 'Failed', 'Suppressed')", ("ids", studentIds));
        var unpublished = (int)await suite.QueryAsync<long>("bot_gateway",
            "SELECT count(*) FROM bot_gateway.outbox_messages WHERE message_id = ANY(@ids) AND published_at IS NULL", ("ids", acceptedIds));
        if (stuck > 0)
        {
            problems.Add($"{stuck} deliveries not in a final state: {await StuckSummaryAsync(suite, studentIds)}");
        }

        if (unpublished > 0)
        {
            problems.Add($"{unpublished} outbox rows not published");
        }

        var emailsSent = mail.Values.Sum(m => m.Files);
        var emailDuplicates = mail.Values.Sum(m => m.Files - m.Distinct) + wantedMail.Sum(w => Math.Max(0, mail[w.Key].Distinct - w.Value));
        return new Observation(stored, $"{dashboard.Lessons}/{dashboard.Homework}/{dashboard.Revenue}", wantedMail.Values.Sum(), emailsSent, emailDuplicates,
            wantedTelegram.Values.Sum(), telegramSent, telegramDuplicates, announced.Values.Sum(), stuck + unpublished, problems);
    }

    /// <summary>Per address (e-mail or chat id): how many of its rows were claimed again after a lease ran out.</summary>
    private static async Task<Dictionary<string, int>> AnnouncedAsync(ChaosSuite suite, Guid[] studentIds)
    {
        var pairs = await suite.QueryAsync<string>("notification",
            """
            SELECT string_agg(address || '=' || total, ' ') FROM (
              SELECT address, sum(lease_expirations) AS total FROM notification.deliveries
              WHERE recipient_id = ANY(@ids) AND lease_expirations > 0 AND address IS NOT NULL GROUP BY address) s
            """, ("ids", studentIds)) ?? "";
        return pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<(int Lessons, int Homework, long Revenue)> DashboardAsync(ChaosSuite suite, string token)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard?days=7");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await suite.Gateway.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return (-1, -1, -1);
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var revenue = body.GetProperty("revenue").EnumerateArray()
                .Where(r => r.GetProperty("currency").GetString() == "RUB")
                .Select(r => r.GetProperty("receivedMinor").GetProperty("value").GetInt64()).Sum();
            return ((int)body.GetProperty("lessonsCompleted").GetProperty("value").GetInt64(),
                (int)body.GetProperty("homeworkAssigned").GetProperty("value").GetInt64(), revenue);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (-1, -1, -1);
        }
    }

    private static async Task<string> StuckSummaryAsync(ChaosSuite suite, Guid[] studentIds) =>
        await suite.QueryAsync<string>("notification",
            """
            SELECT string_agg(line, '; ') FROM (
              SELECT format('%s %s ×%s (attempts %s, due %s)', channel, status, count(*), max(attempts), min(due_at)) AS line
              FROM notification.deliveries WHERE recipient_id = ANY(@ids) AND status NOT IN ('Sent', 'Failed', 'Suppressed')
              GROUP BY channel, status) s
            """, ("ids", studentIds)) ?? "";
}
