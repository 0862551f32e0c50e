using SkiaSharp;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>A full first page: the report's title, period, subject, generation time and its sections.</summary>
public sealed class TitlePageBlock(string title, IReadOnlyList<string> lines, string contentsTitle, IReadOnlyList<string> contents) : PdfBlock
{
    public override float Height(PdfStyle style) => PdfStyle.ContentBottom - PdfStyle.Margin;

    public override void Draw(SKCanvas canvas, PdfStyle style, float x, float y)
    {
        using var accent = PdfStyle.Fill(PdfStyle.Accent);
        using var ink = PdfStyle.Fill(PdfStyle.Ink);
        using var muted = PdfStyle.Fill(PdfStyle.Muted);
        canvas.DrawRect(x, y + 150, 6, 90, accent);
        canvas.DrawText(title, x + 20, y + 190, SKTextAlign.Left, style.Title, ink);
        var lineY = y + 218;
        foreach (var line in lines)
        {
            canvas.DrawText(line, x + 20, lineY, SKTextAlign.Left, style.Body, muted);
            lineY += 15;
        }

        lineY += 40;
        canvas.DrawText(contentsTitle, x + 20, lineY, SKTextAlign.Left, style.Heading, ink);
        foreach (var (item, i) in contents.Select((c, i) => (c, i)))
        {
            lineY += 20;
            canvas.DrawText($"{i + 1}. {item}", x + 28, lineY, SKTextAlign.Left, style.Body, ink);
        }
    }
}
