using SkiaSharp;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>
/// A table's column headers, fitted to their columns without cutting a word: one line when it fits, else
/// wrapped onto two lines at spaces, else (one long word such as "Запланировано") set a little smaller.
/// Only what still does not fit at the smallest size is shortened with an ellipsis.
/// </summary>
public static class TableHeader
{
    private const float MinSize = 6.5f, Padding = 8;

    /// <summary>1 or 2: the lines the tallest header of <paramref name="table"/> needs.</summary>
    public static int Lines(ReportTable table, PdfStyle style) =>
        Widths(table).Zip(table.Columns).Any(c => Wrap(c.Second, style.Bold, c.First - Padding) is { Count: 2 }) ? 2 : 1;

    public static float[] Widths(ReportTable table)
    {
        var weights = table.Widths ?? Enumerable.Repeat(1f, table.Columns.Count).ToList();
        var total = weights.Sum();
        return weights.Select(w => w / total * PdfStyle.ContentWidth).ToArray();
    }

    public static void Draw(SKCanvas canvas, PdfStyle style, SKPaint paint, ReportTable table, float x, float y)
    {
        var widths = Widths(table);
        var left = x;
        for (var c = 0; c < widths.Length && c < table.Columns.Count; c++)
        {
            var room = widths[c] - Padding;
            if (Wrap(table.Columns[c], style.Bold, room) is { } lines)
            {
                for (var l = 0; l < lines.Count; l++)
                {
                    canvas.DrawText(lines[l], left + 4, y + 11 + l * TableBlock.RowHeight * 0.75f, SKTextAlign.Left, style.Bold, paint);
                }
            }
            else
            {
                var size = Math.Max(MinSize, style.Bold.Size * room / style.Bold.MeasureText(table.Columns[c]));
                using var smaller = PdfStyle.Font(style.Bold.Typeface, size);
                canvas.DrawText(PdfStyle.Fit(table.Columns[c], smaller, room), left + 4, y + 11, SKTextAlign.Left, smaller, paint);
            }

            left += widths[c];
        }
    }

    /// <summary>The header on one or two lines that each fit <paramref name="width"/>, or null when no split at a space does.</summary>
    private static List<string>? Wrap(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return [text];
        }

        for (var space = text.LastIndexOf(' '); space > 0; space = text.LastIndexOf(' ', space - 1))
        {
            var (first, second) = (text[..space], text[(space + 1)..]);
            if (font.MeasureText(first) <= width && font.MeasureText(second) <= width)
            {
                return [first, second];
            }
        }

        return null;
    }
}
