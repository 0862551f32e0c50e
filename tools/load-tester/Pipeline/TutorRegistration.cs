using System.Text.Json;
using Repitbot.Contracts;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Makes the pipeline's tutor known to notification before any student is linked. A tutor who works only over REST
/// never registers with the bot, so notification waits up to two minutes for them on every new student's link
/// (StudentLinkedConsumer.TutorPatience), retrying all the while: CPU that landed in the first steps' figures.
/// </summary>
public static class TutorRegistration
{
    public static async Task PublishAsync(string rabbitMq, string tutorToken, CancellationToken cancellationToken)
    {
        var tutorId = SubjectOf(tutorToken);
        await using var bus = await BusPublisher.StartAsync(rabbitMq, cancellationToken);
        await bus.Endpoint.Publish(new UserRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, UserId = tutorId, Role = UserRole.Tutor,
            DisplayName = "Pipeline tutor", Locale = "en", TimeZone = "Europe/London",
        }, cancellationToken);
    }

    /// <summary>The user id a JWT names in its <c>sub</c> claim (read, not validated: the gateway validates it).</summary>
    public static Guid SubjectOf(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new ArgumentException("--tutor-token is not a JWT (three dot-separated parts)");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
        return claims.RootElement.TryGetProperty("sub", out var sub) && Guid.TryParse(sub.GetString(), out var id)
            ? id
            : throw new ArgumentException("--tutor-token names no user id (a GUID) in its sub claim");
    }
}
