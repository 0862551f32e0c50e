using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.Routing;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Telegram;

/// <summary>
/// Asks the bot gateway <c>GET /api/v1/users/by-telegram/{id}</c> with a one-minute service token:
/// 200 <c>{"id": "&lt;uuid&gt;", "role": "tutor" | "student"}</c>, or 404 when nobody has that Telegram id.
/// </summary>
public sealed partial class BotGatewayUserDirectory(HttpClient http, IOptionsMonitor<ServicesOptions> services,
    AccessTokenFactory tokens, ILogger<BotGatewayUserDirectory> logger) : ITelegramUserDirectory
{
    public const string ServiceSubject = "gateway";

    public async Task<DirectoryAnswer> FindAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        var address = new Uri(new Uri(services.CurrentValue.BotGateway!),
            $"/api/v1/users/by-telegram/{telegramUserId.ToString(CultureInfo.InvariantCulture)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            tokens.Create(ServiceSubject, Roles.Service, TimeSpan.FromMinutes(1)));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return DirectoryAnswer.NotFound;
            }

            if (!response.IsSuccessStatusCode)
            {
                return Unavailable($"the bot gateway answered {(int)response.StatusCode}");
            }

            var user = await response.Content.ReadFromJsonAsync<DirectoryUser>(cancellationToken);
            return user is { Id: var id, Role: { } role } && id != Guid.Empty
                ? new DirectoryAnswer(DirectoryStatus.Found, id, role)
                : Unavailable("the bot gateway's answer has no id or role");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unavailable($"the bot gateway could not be asked: {ex.Message}");
        }
    }

    private DirectoryAnswer Unavailable(string reason)
    {
        LogUnavailable(logger, reason);
        return DirectoryAnswer.Unavailable(reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram sign-in cannot look up the user: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    private sealed record DirectoryUser(Guid Id, string? Role);
}
