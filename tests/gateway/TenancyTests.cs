using System.Net;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

/// <summary>
/// The gateway's half of the cross-tenant matrix, over every route in configuration: a tutor naming
/// another tutor, in any spelling of the parameter, is refused before anything is proxied.
/// </summary>
public sealed class TenancyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly Guid TutorA = Guid.NewGuid();
    private static readonly Guid TutorB = Guid.NewGuid();

    public static TheoryData<string> ForeignTutorQueries =>
    [
        $"tutorId={TutorB}", $"TutorId={TutorB}", $"TUTORID={TutorB}", $"tutor_id={TutorB}", $"tutor-id={TutorB}",
        $"tutorId={TutorA}&tutorId={TutorB}", $"tutorId={TutorB}&tutorId={TutorA}", $"tutor%49d={TutorB}",
        $"tutorId={TutorB:N}", $"tutorId=%7B{TutorB}%7D", "tutorId=", "tutorId=not-a-guid", $"days=7&tutorId={TutorB}",
    ];

    [Theory]
    [MemberData(nameof(ForeignTutorQueries))]
    public async Task A_tutor_naming_another_tutor_is_403_on_every_route(string query)
    {
        var gateway = fixture.Gateway;
        var before = gateway.Backend.Requests;
        var token = gateway.MintToken(Roles.Tutor, TutorA.ToString());

        foreach (var route in ConfiguredRoutes.WithPolicy(Policies.TutorData, Policies.AnyUser))
        {
            var response = await gateway.GetAsync($"{route.SamplePath}?{query}", token);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Id}?{query}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, gateway.Backend.Requests);
    }

    [Fact]
    public async Task Naming_oneself_passes_admins_and_services_name_anyone_and_roles_gate_the_routes()
    {
        var gateway = fixture.Gateway;
        var student = Guid.NewGuid();
        var tutorToken = gateway.MintToken(Roles.Tutor, TutorA.ToString());
        var studentToken = gateway.MintToken(Roles.Student, student.ToString());

        foreach (var route in ConfiguredRoutes.WithPolicy(Policies.TutorData))
        {
            await AssertStatusAsync(HttpStatusCode.OK, route, $"tutorId={TutorA}&studentId={Guid.NewGuid()}", tutorToken);
            await AssertStatusAsync(HttpStatusCode.OK, route, $"tutorId={TutorB}", gateway.MintToken(Roles.Admin, "ops"));
            await AssertStatusAsync(HttpStatusCode.OK, route, $"tutorId={TutorB}", gateway.MintToken(Roles.Service, "reports"));
            await AssertStatusAsync(HttpStatusCode.Forbidden, route, "", studentToken);
        }

        foreach (var route in ConfiguredRoutes.WithPolicy(Policies.AnyUser))
        {
            await AssertStatusAsync(HttpStatusCode.OK, route, $"userId={student}", studentToken);
            await AssertStatusAsync(HttpStatusCode.Forbidden, route, $"userId={Guid.NewGuid()}", studentToken);
            await AssertStatusAsync(HttpStatusCode.Forbidden, route, $"student_id={Guid.NewGuid()}", studentToken);
        }
    }

    private async Task AssertStatusAsync(HttpStatusCode expected, ConfiguredRoute route, string query, string token)
    {
        var response = await fixture.Gateway.GetAsync($"{route.SamplePath}?{query}", token);
        Assert.True(expected == response.StatusCode, $"{route.Id}?{query}: {(int)response.StatusCode}, expected {(int)expected}");
    }
}
