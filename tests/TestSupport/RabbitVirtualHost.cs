using System.Text;

namespace Repitbot.TestSupport;

/// <summary>
/// A throwaway RabbitMQ virtual host, so a test's consumers never compete with another test's (or a
/// running ./run.sh's) for the same queues. Made and removed through the management API.
/// </summary>
public sealed class RabbitVirtualHost : IAsyncDisposable
{
    private const string User = RabbitManagement.User;
    private readonly HttpClient _http;

    private RabbitVirtualHost(HttpClient http, string name)
    {
        _http = http;
        Name = name;
    }

    public string Name { get; }

    public string AmqpUri => $"amqp://{User}:{User}@127.0.0.1:5672/{Name}";

    public static async Task<RabbitVirtualHost> CreateAsync()
    {
        var http = RabbitManagement.CreateClient();
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        (await http.PutAsync(new Uri($"vhosts/{name}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync(new Uri($"permissions/{name}/{User}", UriKind.Relative), permissions)).EnsureSuccessStatusCode();
        return new RabbitVirtualHost(http, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _http.DeleteAsync(new Uri($"vhosts/{Name}", UriKind.Relative));
        _http.Dispose();
    }
}
