using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts;

public sealed record ChartParameter(string Name, string Description, string? Default);

/// <summary>What a chart needs to load its data: whose, which days, in which language and time zone.</summary>
public sealed record ChartContext(IServiceProvider Services, AnalyticsScope Scope, Period Period, ChartText Text,
    CancellationToken CancellationToken)
{
    /// <summary>IANA id the heatmap's weekdays and hours are in.</summary>
    /// <summary>The reader's zone, the period's.</summary>
    public string TimeZone => Period.TimeZone;

    /// <summary>Figures already loaded for the same answer (a report section and its charts share them).</summary>
    public ReadMemo? Memo { get; init; }

    public T Area<T>()
        where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>A chart's title and how to draw it; <see cref="Draw"/> is null when there is nothing to show.</summary>
public sealed record ChartFigure(string Title, Action<Plot>? Draw);

/// <summary>One chart type: its name in the URL, its parameters, and how it loads its figure.</summary>
public abstract class ChartDefinition : IReadTarget<ChartDefinition>
{
    static string IReadTarget<ChartDefinition>.RouteParameter => "type";

    static string IReadTarget<ChartDefinition>.What => "chart type";

    static IReadOnlyList<ChartDefinition> IReadTarget<ChartDefinition>.All => ChartCatalog.All;

    public abstract string Name { get; }

    public virtual bool StudentVisible => false;

    /// <summary>The bucket size series are drawn with; charts that allow <c>groupBy</c> return what the caller asked.</summary>
    public virtual GroupBy DefaultGroupBy => GroupBy.Day;

    public virtual bool AcceptsGroupBy => false;

    public abstract Task<ChartFigure> LoadAsync(ChartContext context);
}
