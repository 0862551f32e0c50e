using Repitbot.Analytics.Dashboard;
using Repitbot.Analytics.Data;
using Repitbot.Analytics.Ingestion;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Messaging;
using Repitbot.Hosting.Redis;

namespace Repitbot.Analytics;

public static class AnalyticsServices
{
    public static WebApplicationBuilder AddAnalyticsServices(this WebApplicationBuilder builder)
    {
        builder.AddPostgres<AnalyticsDb>(AnalyticsDb.Schema);
        builder.AddRedis();
        builder.AddMessageBus(bus => bus.AddConsumer<LessonCompletedConsumer>(typeof(LessonCompletedConsumerDefinition)));
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<RealtimeCounters>();
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSingleton<DashboardQuery>();
        return builder;
    }
}
