using System.Text;
using Repitbot.LoadTester.Pipeline;

namespace Repitbot.LoadTester.Tests;

/// <summary>The pipeline registers its tutor on the bus under the id its token names.</summary>
public class TutorRegistrationTests
{
    [Fact]
    public void The_tutor_is_the_tokens_subject_whatever_base64url_padding_the_payload_needs()
    {
        foreach (var filler in new[] { "", "x", "xx", "xxx" })
        {
            var tutor = Guid.NewGuid();
            var token = Jwt($$"""{"sub":"{{tutor}}","role":"tutor","f":"{{filler}}"}""");

            Assert.Equal(tutor, TutorRegistration.SubjectOf(token));
        }
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    public void Something_that_is_not_a_JWT_is_refused(string token) =>
        Assert.Contains("not a JWT", Assert.Throws<ArgumentException>(() => TutorRegistration.SubjectOf(token)).Message);

    [Fact]
    public void A_token_without_a_user_id_is_refused() =>
        Assert.Contains("no user id", Assert.Throws<ArgumentException>(() => TutorRegistration.SubjectOf(Jwt("""{"sub":"bench-admin"}"""))).Message);

    private static string Jwt(string payload) =>
        $"eyJhbGciOiJFUzI1NiJ9.{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.c2ln";
}
