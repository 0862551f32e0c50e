using System.Net.Http.Headers;
using System.Text;

namespace Repitbot.TestSupport;

/// <summary>The local broker's management API, as the project's own user.</summary>
public static class RabbitManagement
{
    public const string User = "repitbot";

    /// <summary>A client whose relative addresses start at <c>/api/</c>.</summary>
    public static HttpClient CreateClient()
    {
        var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:15672/api/") };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{User}:{User}")));
        return http;
    }
}
