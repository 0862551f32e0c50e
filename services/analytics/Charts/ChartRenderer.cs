using Prometheus;
using ScottPlot;
using SkiaSharp;

namespace Repitbot.Analytics.Charts;

/// <summary>Turns a <see cref="ChartFigure"/> into a PNG, an SVG, or vectors on a PDF page, in one style.</summary>
public sealed class ChartRenderer(ChartFonts fonts)
{
    private static readonly Histogram Seconds = Metrics.CreateHistogram("repitbot_analytics_chart_seconds",
        "Time to load and draw one chart.", new HistogramConfiguration
        {
            LabelNames = ["type", "format"],
            Buckets = Histogram.ExponentialBuckets(0.005, 2, 12),
        });

    public ChartFonts Fonts => fonts;

    public static IDisposable Measure(string type, string format) => Seconds.WithLabels(type, format).NewTimer();

    public Plot Create(ChartFigure figure, ChartText text)
    {
        var plot = new Plot();
        plot.Title(figure.Title, 16);
        if (figure.Draw is null)
        {
            plot.HideAxesAndGrid();
            var note = plot.Add.Annotation(text["no-data"], Alignment.MiddleCenter);
            note.LabelStyle.FontSize = 18;
            note.LabelStyle.ForeColor = Colors.DimGray;
            note.LabelStyle.BackgroundColor = Colors.WhiteSmoke;
            note.LabelStyle.BorderColor = Colors.LightGray;
            note.LabelStyle.Padding = 12;
        }
        else
        {
            // Numeric axes in the reader's culture unless the chart sets its own ticks.
            plot.Axes.Left.TickGenerator = ChartAxes.Numbers(text);
            plot.Axes.Bottom.TickGenerator = ChartAxes.Numbers(text);
            figure.Draw(plot);
        }

        // After drawing: Set applies the family to every label that exists now, ticks and legend included.
        plot.Font.Set(ChartFonts.Family);
        return plot;
    }

    public byte[] Png(ChartFigure figure, ChartText text, int width, int height)
    {
        using var plot = Create(figure, text);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public string Svg(ChartFigure figure, ChartText text, int width, int height)
    {
        using var plot = Create(figure, text);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>Draws as vectors into <paramref name="area"/> of a canvas that already holds other content (a PDF page).</summary>
    public void Draw(ChartFigure figure, ChartText text, SKCanvas canvas, SKRect area)
    {
        using var plot = Create(figure, text);
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        canvas.Save();
        canvas.ClipRect(area);
        canvas.Translate(area.Left, area.Top);
        plot.Render(canvas, (int)area.Width, (int)area.Height);
        canvas.Restore();
    }
}
