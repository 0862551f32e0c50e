using SkiaSharp;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>
/// Rows <see cref="First"/> to <see cref="First"/>+<see cref="Count"/> of a table, with its header;
/// <see cref="PdfLayout"/> cuts a long table into such slices, one per page.
/// </summary>
public sealed class TableBlock(ReportTable table, int first, int count, bool continued) : PdfBlock
{
    public const float TitleHeight = 18, RowHeight = 15;

    public ReportTable Table => table;
    public int First => first;
    public int Count => count;

    public static TableBlock Whole(ReportTable table) => new(table, 0, table.Rows.Count, false);

    /// <summary>The header's height: one row, or one and a half for headers on two lines.</summary>
    public static float HeaderHeight(ReportTable table, PdfStyle style) => TableHeader.Lines(table, style) == 2 ? RowHeight * 1.75f : RowHeight;

    public override float Height(PdfStyle style) => TitleHeight + HeaderHeight(table, style) + RowHeight * count + (count == 0 ? RowHeight : 0);

    public override void Draw(SKCanvas canvas, PdfStyle style, float x, float y)
    {
        using var ink = PdfStyle.Fill(PdfStyle.Ink);
        using var muted = PdfStyle.Fill(PdfStyle.Muted);
        using var stripe = PdfStyle.Fill(PdfStyle.Stripe);
        using var rule = PdfStyle.Stroke(PdfStyle.Rule);
        canvas.DrawText(continued ? $"{table.Title} (…)" : table.Title, x, y + 12, SKTextAlign.Left, style.Bold, ink);
        var widths = TableHeader.Widths(table);
        var rowY = y + TitleHeight;
        TableHeader.Draw(canvas, style, muted, table, x, rowY);
        // Rows are drawn one RowHeight below rowY, so the body starts right under a header of any height.
        rowY += HeaderHeight(table, style) - RowHeight;
        canvas.DrawLine(x, rowY + RowHeight, x + PdfStyle.ContentWidth, rowY + RowHeight, rule);
        if (count == 0)
        {
            canvas.DrawText("—", x + 4, rowY + RowHeight + 11, SKTextAlign.Left, style.Body, muted);
        }

        for (var i = 0; i < count; i++)
        {
            rowY += RowHeight;
            if (i % 2 == 1)
            {
                canvas.DrawRect(x, rowY, PdfStyle.ContentWidth, RowHeight, stripe);
            }

            DrawRow(canvas, style, style.Body, ink, x, rowY, widths, table.Rows[first + i]);
        }
    }

    private static void DrawRow(SKCanvas canvas, PdfStyle style, SKFont font, SKPaint paint, float x, float y, float[] widths,
        IReadOnlyList<string> cells)
    {
        var left = x;
        for (var c = 0; c < widths.Length && c < cells.Count; c++)
        {
            canvas.DrawText(PdfStyle.Fit(cells[c], font, widths[c] - 8), left + 4, y + 11, SKTextAlign.Left, font, paint);
            left += widths[c];
        }
    }
}
