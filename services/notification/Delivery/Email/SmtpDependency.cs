using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Health;
using Repitbot.Hosting.Startup;

namespace Repitbot.Notification.Delivery.Email;

internal static class SmtpDependency
{
    public static IServiceCollection AddSmtpDependency(this IServiceCollection services)
    {
        services.AddDependencyProbe("SMTP server", Describe, (sp, ct) => GreetAsync(sp.GetValidated<SmtpOptions>(), ct));
        services.AddHealthChecks().AddCheck<SmtpHealthCheck>("smtp", tags: [HealthTags.Ready]);
        return services;
    }

    internal static async Task GreetAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host!, options.Port, EmailChannelSender.SocketOptions(options), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static string Describe(IServiceProvider services)
    {
        var options = services.GetValidated<SmtpOptions>();
        return $"{options.Host}:{options.Port}";
    }

    private sealed class SmtpHealthCheck(IOptions<SmtpOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await GreetAsync(options.Value, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or SmtpCommandException)
            {
                return HealthCheckResult.Unhealthy($"SMTP {options.Value.Host}:{options.Value.Port}: {ex.Message}");
            }
        }
    }
}
