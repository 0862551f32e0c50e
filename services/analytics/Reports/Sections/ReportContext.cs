using System.Globalization;
using Repitbot.Analytics.Areas;
using Repitbot.Analytics.Charts;

namespace Repitbot.Analytics.Reports.Sections;

/// <summary>Everything a section needs: whose data, which days, the reader's language, and the chart catalogue.</summary>
public sealed record ReportContext(IServiceProvider Services, AnalyticsScope Scope, Period Period, ChartText Text,
    CancellationToken CancellationToken)
{
    public T Area<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public ChartContext Chart => new(Services, Scope, Period, Text, CancellationToken);

    public Task<ChartFigure> ChartAsync(string name) => ChartCatalog.Find(name)!.LoadAsync(Chart);

    public static string Raw(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Students are shown by the start of their id: analytics keeps no names.</summary>
    public static string StudentLabel(Guid id) => id.ToString("N")[..8];
}
