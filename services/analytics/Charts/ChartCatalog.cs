using Repitbot.Hosting.Configuration;
using Repitbot.Analytics.Charts.Types;

namespace Repitbot.Analytics.Charts;

public static class ChartCatalog
{
    public static readonly IReadOnlyList<ChartDefinition> All =
    [
        new LessonsPerDayChart(), new RevenueChart(), new AttendanceChart(), new CancellationsChart(),
        new HeatmapChart(), new HomeworkScoresChart(), new TopMaterialsChart(), new RetentionChart(),
    ];

    public static ChartDefinition? Find(string name) =>
        All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What GET /api/v1/charts/types lists for each chart.</summary>
    public static IReadOnlyList<ChartParameter> Parameters(ChartDefinition chart)
    {
        List<ChartParameter> parameters =
        [
            new("days", $"Days up to today, {ChartRequest.MinDays}–{ChartRequest.MaxDays}.", ChartRequest.DefaultDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("format", "png or svg.", "png"),
            new("width", $"Pixels, {ChartRequest.MinWidth}–{ChartRequest.MaxWidth}.", ChartRequest.DefaultWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("height", $"Pixels, {ChartRequest.MinHeight}–{ChartRequest.MaxHeight}.", ChartRequest.DefaultHeight.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("locale", "ru or en; else Accept-Language; else ru.", "ru"),
            new("tutorId", "Admins only: whose data.", null),
        ];
        parameters.Add(new("tz", "IANA time zone of the days, weekdays and hours (Europe/Moscow); default the caller's, else the tutor's, else UTC.", null));

        if (chart.AcceptsGroupBy)
        {
            parameters.Add(new("groupBy", "day, week or month.", chart.DefaultGroupBy.ToString().ToLowerInvariant()));
        }

        return parameters;
    }

    public static IServiceCollection AddCharts(this IServiceCollection services)
    {
        ChartWords.Validate();
        services.AddValidatedOptions<ChartOptions>("Charts")
            .Validate(o => File.Exists(Path.Combine(o.FontDirectory, "DejaVuSans.ttf")),
                "Charts:FontDirectory must contain DejaVuSans.ttf (Debian package fonts-dejavu-core).");
        services.AddSingleton(sp => new ChartFonts(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChartOptions>>().Value.FontDirectory));
        services.AddSingleton<ChartRenderer>();
        return services;
    }
}
