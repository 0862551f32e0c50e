using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Repitbot.BotGateway.Tests.Support;

public sealed class RandomBodyProperties(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    [Property(MaxTest = 300, Arbitrary = [typeof(RequestBodies)])]
    public async Task A_random_body_is_never_a_server_error(string body)
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.LessonCompleted, Json.Raw(body));

        // A fresh tutor has no students, so even a well-formed body ends in 404, never in 202.
        Assert.True((int)response.StatusCode is 400 or 404 or 415,
            $"Body {body} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await Problem.ReadAsync(response);
    }

    /// <summary>Arbitrary text, and text assembled from JSON fragments the endpoint knows, so both the parser and the binder get exercised.</summary>
    public static class RequestBodies
    {
        private static readonly string[] Fragments =
        [
            "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "0", "60", "999", "1e400", "\"\"",
            "\"lessonId\":", "\"studentId\":", "\"outcome\":", "\"minutes\":", "\"occurredAt\":", "\"subject\":", "\"tutorId\":",
            $"\"{Guid.NewGuid()}\"", $"\"{Guid.Empty}\"", "\"attended\"", "\"noShow\"", "\"maybe\"", "\"abc\"",
            "\"2025-01-01T10:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"not-a-date\"",
        ];

        public static Arbitrary<string> Bodies() => Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
                Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)),
                Gen.ListOf(Gen.Elements(Fragments)).Select(parts => "{" + string.Concat(parts) + "}"))
            .ToArbitrary();
    }
}
