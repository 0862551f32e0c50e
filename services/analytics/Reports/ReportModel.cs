using Repitbot.Analytics.Charts;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports;

public sealed record ReportKpi(string Label, string Value);

/// <summary>A table as shown (formatted for the reader) or as exported (raw values, stable English headers).</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<float>? Widths = null);

/// <summary>One area in a report: its figures, charts and tables, its raw data (JSON) and its CSV table.</summary>
public sealed record ReportSection(string Name, string Title, IReadOnlyList<ReportKpi> Kpis, IReadOnlyList<ChartFigure> Charts,
    IReadOnlyList<ReportTable> Tables, object Data, ReportTable Csv);

/// <summary>What a report is about, for its title page and metadata.</summary>
public sealed record ReportHeading(string Title, string Period, string Subject, DateTimeOffset Generated, bool TitlePage)
{
    /// <summary>IANA id of the reader's time zone, in which the generation time is printed.</summary>
    public string TimeZone { get; init; } = "UTC";
}
