using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Chaos.Suite;
using Repitbot.Hosting.Auth;

namespace Repitbot.Chaos.Traffic;

/// <summary>A student of the scenario's tutor: every one has an e-mail address; some also a Telegram chat.</summary>
public sealed record Student(Guid Id, string Email, long? ChatId);

/// <summary>
/// One tutor and their students, made the way real users are: e-mail-only students over REST (as the README's quick
/// start does), Telegram students by an invite opened in the bot and "/email" sent there.
/// </summary>
public sealed class Roster
{
    private static long s_nextChat = 7_000_000_000 + Random.Shared.Next(0, 1_000_000) * 1000L;

    private Roster(Guid tutorId, string tutorToken, IReadOnlyList<Student> students)
    {
        TutorId = tutorId;
        TutorToken = tutorToken;
        Students = students;
    }

    public Guid TutorId { get; }

    public string TutorToken { get; }

    public IReadOnlyList<Student> Students { get; }

    public static async Task<Roster> CreateAsync(ChaosSuite suite, string scenario, int emailOnly, int withTelegram)
    {
        var tutorId = Guid.NewGuid();
        var token = suite.Tokens.Create(tutorId.ToString(), Roles.Tutor, TimeSpan.FromHours(1));
        var students = new List<Student>();
        for (var i = 0; i < emailOnly; i++)
        {
            var email = $"{scenario}-mail{i}-{Guid.NewGuid():N}@chaos.repitbot.local";
            var created = await PostAsync(suite, token, "/api/v1/students", new { displayName = $"Mail Student {i}", email, locale = "ru", timeZone = "UTC" });
            students.Add(new Student(created.GetProperty("studentId").GetGuid(), email, null));
        }

        for (var i = 0; i < withTelegram; i++)
        {
            var chat = Interlocked.Increment(ref s_nextChat);
            var email = $"{scenario}-tg{i}-{Guid.NewGuid():N}@chaos.repitbot.local";
            var invite = await PostAsync(suite, token, "/api/v1/invites", new { role = "student" });
            await SayAsync(suite, chat, "/start " + invite.GetProperty("code").GetString());
            await SayAsync(suite, chat, "/email " + email);
            var id = await suite.QueryAsync<Guid>("bot_gateway", "SELECT id FROM bot_gateway.users WHERE telegram_user_id = @chat", ("chat", chat));
            Assert.True(id != Guid.Empty, $"The bot registered no user for Telegram chat {chat}.");
            students.Add(new Student(id, email, chat));
        }

        var roster = new Roster(tutorId, token, students);
        await roster.WaitUntilNotificationKnowsEveryoneAsync(suite);
        return roster;
    }

    /// <summary>Notification plans deliveries from its own projection; the burst starts once it knows every student.</summary>
    private async Task WaitUntilNotificationKnowsEveryoneAsync(ChaosSuite suite)
    {
        foreach (var student in Students)
        {
            var known = await Eventually.Async(async () => await suite.QueryAsync<long>("notification",
                """
                SELECT count(*) FROM notification.recipients r
                JOIN notification.links l ON l.student_id = r.user_id AND l.tutor_id = @tutor AND l.valid_to IS NULL
                WHERE r.user_id = @id AND r.email = @email AND (@chat = 0 OR r.telegram_chat_id = @chat)
                """, ("tutor", TutorId), ("id", student.Id), ("email", student.Email), ("chat", student.ChatId ?? 0L)) > 0, TimeSpan.FromSeconds(60));
            Assert.True(known, $"Notification never learnt student {student.Id} ({student.Email}, chat {student.ChatId}).");
        }
    }

    private static async Task SayAsync(ChaosSuite suite, long chat, string text)
    {
        var before = suite.Telegram.Calls("sendMessage", chat).Count;
        suite.Telegram.UserSendsText(chat, text, firstName: "Chaos");
        var answered = await Eventually.Async(() => Task.FromResult(suite.Telegram.Calls("sendMessage", chat).Count > before), TimeSpan.FromSeconds(60));
        Assert.True(answered, $"The bot did not answer \"{text}\" in chat {chat}:\n{suite.Service("bot-gateway").Tail()}");
    }

    private static async Task<JsonElement> PostAsync(ChaosSuite suite, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await suite.Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
