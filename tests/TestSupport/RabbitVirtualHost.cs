using System.Net.Http.Headers;
using System.Text;

namespace Repitbot.TestSupport;

/// <summary>
/// A throwaway RabbitMQ virtual host, so a test's consumers never compete with another test's (or a
/// running ./run.sh's) for the same queues. Made and removed through the management API.
/// </summary>
public sealed class RabbitVirtualHost : IAsyncDisposable
{
    private const string Management = "http://127.0.0.1:15672/api/vhosts/";
    private const string User = "repitbot";
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
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{User}:{User}")));
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        (await http.PutAsync(new Uri(Management + name), null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync(new Uri($"http://127.0.0.1:15672/api/permissions/{name}/{User}"), permissions)).EnsureSuccessStatusCode();
        return new RabbitVirtualHost(http, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _http.DeleteAsync(new Uri(Management + Name));
        _http.Dispose();
    }
}
