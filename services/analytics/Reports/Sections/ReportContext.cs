using System.Globalization;
using Repitbot.Analytics.Charts;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Sections;

/// <summary>
/// Everything a section needs: whose data, which days, the reader's language and time zone, and the chart
/// catalogue. Sections and their charts share one <see cref="Memo"/>, so a figure is queried once per report.
/// </summary>
public sealed record ReportContext(IServiceProvider Services, AnalyticsScope Scope, Period Period, ChartText Text,
    CancellationToken CancellationToken)
{
    /// <summary>IANA id of the heatmap's weekdays and hours.</summary>
    /// <summary>The reader's zone, the period's.</summary>
    public string TimeZone => Period.TimeZone;

    public ReadMemo Memo { get; } = new();

    public T Area<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public ChartContext Chart => new(Services, Scope, Period, Text, CancellationToken) { Memo = Memo };

    /// <summary>The title of a table with one row per bucket of the period: "По дням", "По неделям" or "По месяцам".</summary>
    public string SeriesTitle => Text[$"by-{Period.Bucket}"];

    public Task<ChartFigure> ChartAsync(string name) => ChartCatalog.Find(name)!.LoadAsync(Chart);

    public static string Raw(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
