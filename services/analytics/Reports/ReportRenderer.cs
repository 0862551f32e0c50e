using System.Text;
using System.Text.Json;
using Prometheus;
using Repitbot.Analytics.Charts;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Reports.Pdf;

namespace Repitbot.Analytics.Reports;

/// <summary>Writes report sections as PDF (title page, KPI tiles, vector charts, paginated tables), CSV or JSON.</summary>
public sealed class ReportRenderer(ChartRenderer charts)
{
    public const string Author = "Repitbot";

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["pdf"] = "application/pdf",
        ["csv"] = "text/csv; charset=utf-8",
        ["json"] = "application/json",
    };

    private static readonly Histogram Seconds = Metrics.CreateHistogram("repitbot_analytics_report_seconds",
        "Time to build one report, from its data to its file.", new HistogramConfiguration
        {
            LabelNames = ["kind", "format"],
            Buckets = Histogram.ExponentialBuckets(0.01, 2, 12),
        });

    public static IDisposable Measure(string kind, string format) => Seconds.WithLabels(kind, format).NewTimer();

    public byte[] Render(string format, ReportHeading heading, IReadOnlyList<ReportSection> sections, ChartText text,
        JsonSerializerOptions json) => format switch
    {
        "pdf" => Pdf(heading, sections, text),
        "csv" => Csv(sections),
        _ => JsonSerializer.SerializeToUtf8Bytes(new
        {
            heading.Title,
            heading.Period,
            heading.Subject,
            heading.Generated,
            Sections = sections.ToDictionary(s => s.Name, s => s.Data),
        }, json),
    };

    public byte[] Pdf(ReportHeading heading, IReadOnlyList<ReportSection> sections, ChartText text)
    {
        using var style = new PdfStyle(charts.Fonts.Regular, charts.Fonts.Bold);
        var layout = new PdfLayout(style);
        if (heading.TitlePage)
        {
            layout.Add(new TitlePageBlock(heading.Title, Lines(heading, text), text["contents"], sections.Select(s => s.Title).ToList()))
                .Add(new PageBreak());
        }
        else
        {
            layout.Add(new HeadingBlock(heading.Title));
            foreach (var line in Lines(heading, text))
            {
                layout.Add(new TextBlock(line, muted: true));
            }
        }

        foreach (var section in sections)
        {
            if (heading.TitlePage)
            {
                layout.Add(new PageBreak()).Add(new HeadingBlock(section.Title));
            }

            layout.Add(new KpiTilesBlock(section.Kpis));
            foreach (var figure in section.Charts)
            {
                layout.Add(new ChartBlock(figure, text, charts));
            }

            foreach (var table in section.Tables)
            {
                layout.Add(TableBlock.Whole(table));
            }
        }

        return PdfWriter.Write(layout, style, heading, Author, (page, total) => string.Format(text.Culture, text["page"], page, total));
    }

    /// <summary>RFC 4180, UTF-8 with a byte-order mark (so spreadsheet programs read Cyrillic), one table per section.</summary>
    public static byte[] Csv(IReadOnlyList<ReportSection> sections)
    {
        var csv = new StringBuilder();
        foreach (var table in sections.Select(s => s.Csv))
        {
            if (sections.Count > 1)
            {
                csv.Append("# ").Append(table.Title).Append("\r\n");
            }

            csv.AppendJoin(',', table.Columns.Select(Quote)).Append("\r\n");
            foreach (var row in table.Rows)
            {
                csv.AppendJoin(',', row.Select(Quote)).Append("\r\n");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string[] Lines(ReportHeading heading, ChartText text) =>
        [$"{text["period"]}: {heading.Period}", heading.Subject, ReportSubject.Generated(heading, text)];
}
