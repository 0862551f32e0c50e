using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Messaging;
using Repitbot.Notification.Data;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Lessons;
using Repitbot.Notification.Recipients;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification;

public static class NotificationServices
{
    public static WebApplicationBuilder AddNotificationServices(this WebApplicationBuilder builder)
    {
        builder.AddPostgres<NotificationDb>(NotificationDb.Schema);
        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<UserRegisteredConsumer>();
            bus.AddConsumer<UserProfileChangedConsumer>();
            bus.AddConsumer<LessonCompletedConsumer>();
        });
        builder.Services.AddValidatedOptions<SmtpOptions>("Smtp");
        builder.Services.AddSmtpDependency();
        builder.Services.AddSingleton<TemplateRenderer>();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        builder.Services.AddScoped<NotificationDispatcher>();
        return builder;
    }
}
