using Repitbot.Analytics.Charts;
using SkiaSharp;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>A ScottPlot chart drawn straight onto the PDF page, so it stays vector (sharp at any zoom, text selectable).</summary>
public sealed class ChartBlock(ChartFigure figure, ChartText text, ChartRenderer renderer) : PdfBlock
{
    public override float Height(PdfStyle style) => 250;

    public override void Draw(SKCanvas canvas, PdfStyle style, float x, float y) =>
        renderer.Draw(figure, text, canvas, SKRect.Create(x, y, PdfStyle.ContentWidth, Height(style)));
}
