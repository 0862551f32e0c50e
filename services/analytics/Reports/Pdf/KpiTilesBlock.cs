using SkiaSharp;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>Key figures as tiles, three to a row.</summary>
public sealed class KpiTilesBlock(IReadOnlyList<ReportKpi> kpis) : PdfBlock
{
    private const int PerRow = 3;
    private const float TileHeight = 50, Spacing = 8;

    private int Rows => (kpis.Count + PerRow - 1) / PerRow;

    public override float Height(PdfStyle style) => Rows * (TileHeight + Spacing);

    public override void Draw(SKCanvas canvas, PdfStyle style, float x, float y)
    {
        var width = (PdfStyle.ContentWidth - (PerRow - 1) * Spacing) / PerRow;
        using var tile = PdfStyle.Fill(PdfStyle.Tile);
        using var label = PdfStyle.Fill(PdfStyle.Muted);
        using var value = PdfStyle.Fill(PdfStyle.Ink);
        for (var i = 0; i < kpis.Count; i++)
        {
            var (left, top) = (x + i % PerRow * (width + Spacing), y + i / PerRow * (TileHeight + Spacing));
            canvas.DrawRoundRect(new SKRoundRect(SKRect.Create(left, top, width, TileHeight), 4), tile);
            canvas.DrawText(PdfStyle.Fit(kpis[i].Label, style.Small, width - 16), left + 8, top + 16, SKTextAlign.Left, style.Small, label);
            canvas.DrawText(PdfStyle.Fit(kpis[i].Value, style.KpiValue, width - 16), left + 8, top + 38, SKTextAlign.Left, style.KpiValue, value);
        }
    }
}
