using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Repitbot.BotGateway.Students;

namespace Repitbot.BotGateway.Tests.Support;

/// <summary>
/// The bot gateway in-process against the local PostgreSQL and its own RabbitMQ virtual host, without
/// its outbox relay: the outbox table is shared by every bot gateway on this machine (./run.sh, the
/// end-to-end suite), and a relay here would publish their rows into this host's throwaway virtual host.
/// For the same reason the rows this host leaves unpublished are removed when it stops, so that no
/// other relay publishes them.
/// </summary>
public class BotGatewayFactory() : ServiceFactory<Program>("bot-gateway")
{
    private readonly ConcurrentBag<Guid> _tutors = [];

    /// <summary>The service's own data source: the tests read its schema with its login role.</summary>
    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    protected virtual bool RelaysOutbox => false;

    /// <summary>Removes <paramref name="tutorId"/>'s unpublished outbox rows when this host stops.</summary>
    public void Track(Guid tutorId) => _tutors.Add(tutorId);

    public HttpClient TutorClient(Guid tutorId)
    {
        _tutors.Add(tutorId);
        return ClientWithToken(Tokens.Tutor(tutorId));
    }

    /// <summary>Creates a student of <paramref name="tutor"/>'s through the API and returns the ids it answered with.</summary>
    public static async Task<StudentCreated> CreateStudentAsync(HttpClient tutor)
    {
        var response = await tutor.PostAsJsonAsync(Routes.Students,
            new { displayName = "Аня " + Guid.NewGuid().ToString("N")[..6], email = $"{Guid.NewGuid():N}@test.local" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StudentCreated>(Json.Options))!;
    }

    public override async ValueTask DisposeAsync()
    {
        if (!RelaysOutbox && !_tutors.IsEmpty)
        {
            await using var command = Database.CreateCommand("""
                DELETE FROM bot_gateway.outbox_messages
                WHERE published_at IS NULL AND (body->>'tutorId')::uuid = ANY($1)
                """);
            command.Parameters.AddWithValue(_tutors.ToArray());
            await command.ExecuteNonQueryAsync();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The webhook source configured for tests; its secret signs test deliveries.</summary>
    public const string WebhookSource = "course-platform";
    public const string WebhookSecret = "test-webhook-secret-0123456789";
    public const int WebhookMaxBodyBytes = 8192;

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        builder.UseSetting("Webhooks:Sources:0:Name", WebhookSource);
        builder.UseSetting("Webhooks:Sources:0:Secret", WebhookSecret);
        builder.UseSetting("Webhooks:MaxBodyBytes", WebhookMaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (RelaysOutbox)
        {
            return;
        }

        builder.ConfigureServices(services =>
        {
            // OutboxRelay<T> is internal to the hosting library, so it is found by name.
            var relays = services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType?.Name == "OutboxRelay`1").ToList();
            if (relays.Count == 0)
            {
                throw new InvalidOperationException("The outbox relay registration was not found; update BotGatewayFactory.");
            }

            relays.ForEach(d => services.Remove(d));
        });
    }
}

/// <summary>The bot gateway with its outbox relay running, for the tests of the relay itself.</summary>
public sealed class RelayingBotGatewayFactory : BotGatewayFactory
{
    protected override bool RelaysOutbox => true;
}

public static class Routes
{
    public static readonly Uri Students = new("/api/v1/students", UriKind.Relative);
    public static readonly Uri LessonCompleted = new("/api/v1/events/lessons/completed", UriKind.Relative);
}
