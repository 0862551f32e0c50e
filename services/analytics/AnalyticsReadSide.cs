using Repitbot.Analytics.Areas;
using Repitbot.Analytics.Caching;
using Repitbot.Analytics.Charts;
using Repitbot.Analytics.Reports;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Reports.Jobs;
using Repitbot.Hosting.Startup;
using Microsoft.AspNetCore.OpenApi;
using Npgsql;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Analytics;

/// <summary>The read side: analytics areas, charts, reports and the cache in front of them.</summary>
public static class AnalyticsReadSide
{
    public static WebApplicationBuilder AddAnalyticsReadSide(this WebApplicationBuilder builder)
    {
        builder.Services.AddAreas();
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<ReadRequestDocs>());
        builder.Services.AddCharts();
        builder.Services.AddValidatedOptions<CacheOptions>("AnalyticsCache");
        builder.Services.AddSingleton<ResultCache>();
        builder.Services.AddSingleton<ReportRenderer>();
        builder.Services.AddValidatedOptions<ReportOptions>("Reports");
        builder.Services.AddDbContextPool<ReportsDb>((sp, options) => ReportsDb.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<IStartupTask, ReportsSchema>();
        builder.Services.AddSingleton<ReportJobStore>();
        builder.Services.AddSingleton<ReportSignal>();
        builder.Services.AddSingleton<FullReport>();
        builder.Services.AddHostedService<ReportWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAnalyticsReadSide(this IEndpointRouteBuilder app)
    {
        app.MapAreasApi();
        app.MapChartsApi();
        app.MapQuickReportsApi();
        app.MapReportJobsApi();
        return app;
    }
}
