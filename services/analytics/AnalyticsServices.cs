using Repitbot.Analytics.Admin;
using Repitbot.Analytics.Dashboard;
using Repitbot.Analytics.Data;
using Repitbot.Analytics.Exports;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Ingestion.Queues;
using Repitbot.Analytics.Observability;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Recovery;
using Repitbot.Analytics.Rollups;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Health;
using Repitbot.Hosting.Messaging;
using Repitbot.Hosting.Redis;
using Repitbot.Hosting.Startup;

namespace Repitbot.Analytics;

public static class AnalyticsServices
{
    public static WebApplicationBuilder AddAnalyticsServices(this WebApplicationBuilder builder)
    {
        builder.AddPostgres<AnalyticsDb>(AnalyticsDb.Schema);
        builder.AddRedis();
        builder.AddRabbitMq();
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<IngestionHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestionHost>());
        builder.Services.AddHealthChecks().AddCheck<IngestionHost>("rabbitmq-ingestion", tags: [HealthTags.Ready]);
        builder.Services.AddValidatedOptions<IngestionOptions>(IngestionOptions.Section);
        builder.Services.AddSingleton<EventPartitions>();
        builder.Services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<EventPartitions>());
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<RealtimeAggregates>();
        builder.Services.AddSingleton<RealtimeReader>();
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSingleton<StoredTotals>();
        builder.Services.AddSingleton<DashboardQuery>();
        builder.Services.AddSingleton<TutorToday>();
        builder.Services.AddValidatedOptions<ExportOptions>(ExportOptions.Section);
        builder.Services.AddSingleton<EventExport>();
        builder.Services.AddSingleton<EventImport>();
        builder.Services.AddSingleton<StoredEvents>();
        builder.Services.AddSingleton<CacheRebuilder>();
        builder.Services.AddSingleton<Reconciler>();
        builder.Services.AddSingleton<DayRollup>();
        builder.Services.AddSingleton<RetentionCohorts>();
        builder.Services.AddValidatedOptions<RollupOptions>(RollupOptions.Section);
        builder.Services.AddHostedService<NightlyRollup>();
        builder.Services.AddSingleton<RollupRedo>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RollupRedo>());
        builder.AddRedisRecovery();
        builder.Services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section);
        builder.Services.AddHostedService<ActiveUsersGauge>();
        builder.Services.AddHostedService<CacheSizeGauge>();
        return builder;
    }
}
