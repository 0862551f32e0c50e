using SkiaSharp;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>Draws laid-out pages into a PDF through SkiaSharp's PDF backend, with metadata and page numbers.</summary>
public static class PdfWriter
{
    public static byte[] Write(PdfLayout layout, PdfStyle style, ReportHeading heading, string author, Func<int, int, string> pageLabel)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = heading.Title,
            Author = author,
            Subject = $"{heading.Subject}, {heading.Period}",
            Creator = "Repitbot analytics",
            Producer = "Repitbot (SkiaSharp PDF, ScottPlot)",
            Creation = heading.Generated.UtcDateTime,
            Modified = heading.Generated.UtcDateTime,
            RasterDpi = 150,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var pages = layout.Pages;
            for (var p = 0; p < pages.Count; p++)
            {
                var canvas = document.BeginPage(PdfStyle.PageWidth, PdfStyle.PageHeight);
                foreach (var (block, y) in pages[p])
                {
                    block.Draw(canvas, style, PdfStyle.Margin, y);
                }

                Footer(canvas, style, heading, pageLabel(p + 1, pages.Count));
                document.EndPage();
            }

            document.Close();
        }

        return stream.ToArray();
    }

    private static void Footer(SKCanvas canvas, PdfStyle style, ReportHeading heading, string label)
    {
        using var muted = PdfStyle.Fill(PdfStyle.Muted);
        using var rule = PdfStyle.Stroke(PdfStyle.Rule);
        var y = PdfStyle.PageHeight - PdfStyle.Margin + 4;
        canvas.DrawLine(PdfStyle.Margin, y - 14, PdfStyle.PageWidth - PdfStyle.Margin, y - 14, rule);
        canvas.DrawText(PdfStyle.Fit($"Repitbot · {heading.Title} · {heading.Period}", style.Small, PdfStyle.ContentWidth - 90),
            PdfStyle.Margin, y, SKTextAlign.Left, style.Small, muted);
        canvas.DrawText(label, PdfStyle.PageWidth - PdfStyle.Margin, y, SKTextAlign.Right, style.Small, muted);
    }
}
