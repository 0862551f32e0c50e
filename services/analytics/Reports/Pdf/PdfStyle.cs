using SkiaSharp;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>A4 in points, margins, and the fonts and colours of every report.</summary>
public sealed class PdfStyle : IDisposable
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 42f, FooterHeight = 28f, Gap = 14f;

    public PdfStyle(SKTypeface regular, SKTypeface bold)
    {
        Body = Font(regular, 9.5f);
        Small = Font(regular, 8f);
        Bold = Font(bold, 9.5f);
        Heading = Font(bold, 15f);
        Title = Font(bold, 26f);
        KpiValue = Font(bold, 15f);
    }

    public SKFont Body { get; }
    public SKFont Small { get; }
    public SKFont Bold { get; }
    public SKFont Heading { get; }
    public SKFont Title { get; }
    public SKFont KpiValue { get; }

    public static float ContentWidth => PageWidth - 2 * Margin;
    public static float ContentBottom => PageHeight - Margin - FooterHeight;

    /// <summary>
    /// A font for a page, not a screen: unhinted, with fractional advances. Hinted advances are whole units, so
    /// every glyph landed up to a unit away from where the font's widths put it, and text extraction (copying,
    /// search, screen readers, pdftotext) read the gaps as spaces: "От чёт по занят иям".
    /// </summary>
    public static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };

    public static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    public static SKPaint Stroke(SKColor color, float width = 0.6f) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    public static readonly SKColor Ink = new(0x22, 0x2B, 0x36), Muted = new(0x6B, 0x75, 0x80), Accent = new(0x2E, 0x6F, 0xB5),
        Tile = new(0xF1, 0xF5, 0xFA), Rule = new(0xD5, 0xDB, 0xE2), Stripe = new(0xF7, 0xF8, 0xFA);

    /// <summary>Cuts <paramref name="text"/> with an ellipsis so that it fits <paramref name="width"/>.</summary>
    public static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 0 && font.MeasureText(string.Concat(text.AsSpan(0, cut), "…")) > width)
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    public void Dispose()
    {
        Body.Dispose();
        Small.Dispose();
        Bold.Dispose();
        Heading.Dispose();
        Title.Dispose();
        KpiValue.Dispose();
    }
}
