using Repitbot.Analytics.Areas;
using ScottPlot;

namespace Repitbot.Analytics.Charts;

public sealed record ChartParameter(string Name, string Description, string? Default);

/// <summary>What a chart needs to load its data: whose, which days, in which language.</summary>
public sealed record ChartContext(IServiceProvider Services, AnalyticsScope Scope, Period Period, ChartText Text,
    CancellationToken CancellationToken)
{
    public T Area<T>()
        where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>A chart's title and how to draw it; <see cref="Draw"/> is null when there is nothing to show.</summary>
public sealed record ChartFigure(string Title, Action<Plot>? Draw);

/// <summary>One chart type: its name in the URL, its parameters, and how it loads its figure.</summary>
public abstract class ChartDefinition
{
    public abstract string Name { get; }

    /// <summary>Whether a student may draw it over their own events.</summary>
    public virtual bool StudentVisible => false;

    /// <summary>The bucket size series are drawn with; charts that allow <c>groupBy</c> return what the caller asked.</summary>
    public virtual GroupBy DefaultGroupBy => GroupBy.Day;

    public virtual bool AcceptsGroupBy => false;

    public abstract Task<ChartFigure> LoadAsync(ChartContext context);
}
