using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using Repitbot.Contracts;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Startup;
using Repitbot.Hosting.Workers;

namespace Repitbot.Hosting.Messaging;

public static class MessageBusRegistration
{
    /// <summary>
    /// MassTransit over RabbitMQ the same way in every service: kebab-case endpoints on quorum queues,
    /// retries with back-off (minutes for a dependency outage, seconds for anything else), then the endpoint's <c>_error</c> queue (MassTransit puts the
    /// exception in the message headers). The broker has no delayed-message plugin, so there is no
    /// delayed redelivery here: anything that must wait longer lives in PostgreSQL.
    /// </summary>
    /// <summary>About five minutes in all; README's Operations section promises it.</summary>
    internal static readonly TimeSpan[] DependencyOutageRetries =
        [.. new[] { 0.25, 0.5, 1, 2, 4, 8, 15, 30, 30, 30, 30, 30, 30, 30, 30 }.Select(TimeSpan.FromSeconds)];

    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        builder.AddRabbitMq();
        builder.Services.AddMassTransit(bus =>
        {
            // The product calls out to nothing but its SMTP server and the Telegram API.
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            // Queues carry the service's name: two services consuming one event must each get a copy,
            // not compete for it on a shared "lesson-completed" queue.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServiceName(builder), includeNamespace: false));
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Two tiers. A dependency away (PostgreSQL restarting, Redis gone) is waited out for minutes: giving
                // up after seconds moved events into _error during a plain database restart, and the reader never
                // got the lesson's e-mail. Any other fault is retried briefly, then goes to _error with its reason.
                endpoint.UseMessageRetry(r =>
                {
                    r.Handle<Exception>(TransientFailures.IsTransient);
                    r.Intervals(DependencyOutageRetries);
                });
                endpoint.UseMessageRetry(r =>
                {
                    r.Ignore<Exception>(TransientFailures.IsTransient);
                    r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetValidated<RabbitMqOptions>();
                var address = RabbitMqAddress.Parse(options.Uri!);
                rabbit.Host(address.Host, (ushort)address.Port, address.VirtualHost, h =>
                {
                    h.Username(address.Username);
                    h.Password(address.Password);
                    if (address.UseTls)
                    {
                        h.UseSsl(s => s.ServerName = address.Host);
                    }
                });
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConfigureJsonSerializerOptions(WireFormat.Apply);
                // Subscribers bind to concrete events; an exchange per marker interface would only add hops.
                rabbit.Publish<IDomainEvent>(p => p.Exclude = true);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            // Consumers in flight get the same drain time as every other worker, inside the host's stop time-out;
            // what they do not finish is redelivered.
            o.StopTimeout = ShutdownRegistration.DrainTime;
        });
        return builder;
    }

    /// <summary>
    /// The <c>RabbitMq</c> settings, validated at start, and a start-up probe that names the broker when it
    /// cannot be reached. <see cref="AddMessageBus"/> includes it; a service with its own RabbitMQ.Client
    /// consumers (analytics) calls it alone.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMq(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RabbitMqOptions>("RabbitMq");
        builder.Services.AddDependencyProbe("RabbitMQ",
            sp => RabbitMqAddress.Parse(sp.GetValidated<RabbitMqOptions>().Uri!).ToString(),
            async (sp, ct) =>
            {
                var factory = new ConnectionFactory { Uri = new Uri(sp.GetValidated<RabbitMqOptions>().Uri!) };
                await using var connection = await factory.CreateConnectionAsync(ct);
            });
        return builder;
    }

    /// <summary>"Repitbot.BotGateway" → "bot-gateway".</summary>
    internal static string ServiceName(IHostApplicationBuilder builder) =>
        KebabCase.Of(builder.Environment.ApplicationName.Replace("Repitbot.", "", StringComparison.Ordinal));
}
