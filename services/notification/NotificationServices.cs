using MassTransit;
using Microsoft.Extensions.Options;
using Repitbot.Contracts;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Messaging;
using Repitbot.Hosting.Redis;
using Repitbot.Hosting.Startup;
using Repitbot.Notification.Data;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Delivery.Email;
using Repitbot.Notification.Delivery.Telegram;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Rules;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification;

public static class NotificationServices
{
    public static WebApplicationBuilder AddNotificationServices(this WebApplicationBuilder builder)
    {
        builder.AddPostgres<NotificationDb>(NotificationDb.Schema);
        builder.AddRedis();
        builder.AddMessageBus(bus => bus.AddConsumers(typeof(NotificationServices).Assembly));
        builder.Services.AddTemplates().AddRules().AddDelivery();
        return builder;
    }

    private static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<TemplateValidator>();
        services.AddSingleton<TemplateCache>();
        services.AddScoped<TemplateStore>();
        services.AddSingleton<IStartupTask, SeedDefaultTemplates>();
        return services;
    }

    private static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddValidatedOptions<RuleOptions>("Rules");
        services.AddScoped<Audience>();
        services.AddScoped<NotificationPlanner>();
        services.AddScoped<LessonReminders>();
        return services;
    }

    private static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddValidatedOptions<DeliveryOptions>("Delivery");
        services.AddValidatedOptions<SmtpOptions>("Smtp");
        services.AddValidatedOptions<TelegramOptions>("Telegram");
        services.AddSmtpDependency();
        services.AddHttpClient(nameof(TelegramChannelSender), (sp, client) => client.Timeout = sp.GetValidated<DeliveryOptions>().TelegramTimeout);
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryClaimer>();
        // Notification keeps its Delivery__Telegram* settings; the bot gateway paces its replies with the same keys.
        services.AddOptions<Repitbot.Hosting.Telegram.TelegramPaceOptions>().Configure<IOptions<DeliveryOptions>>((pace, delivery) =>
        {
            var d = delivery.Value;
            (pace.Key, pace.Window, pace.GlobalLimit, pace.ChatLimit, pace.JitterGuard) =
                (d.TelegramLimiterKey, d.TelegramRateWindow, d.TelegramGlobalLimit, d.TelegramChatLimit, d.TelegramJitterGuard);
        });
        services.AddSingleton<Repitbot.Hosting.Telegram.TelegramRateLimiter>();
        services.AddSingleton<SmtpConnectionPool>();
        services.AddSingleton<EmailChannelSender>();
        services.AddSingleton<TelegramChannelSender>();
        services.AddScoped<DeliveryOutcomes>();
        services.AddScoped<DeliveryProcessor>();
        services.AddScoped<DigestBuilder>();
        foreach (var channel in new[] { NotificationChannel.Email, NotificationChannel.Telegram })
        {
            // One hosted worker per channel (AddHostedService would keep only the first of one type).
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<ChannelWorker>(sp, channel));
        }

        services.AddHostedService<Observability.BacklogSampler>();
        return services;
    }
}
