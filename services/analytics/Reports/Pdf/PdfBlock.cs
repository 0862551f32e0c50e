using SkiaSharp;

namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>Something laid out top to bottom on a page: it knows its height and draws itself at a position.</summary>
public abstract class PdfBlock
{
    public abstract float Height(PdfStyle style);

    public abstract void Draw(SKCanvas canvas, PdfStyle style, float x, float y);
}

/// <summary>Starts a new page (the next section begins at the top).</summary>
public sealed class PageBreak : PdfBlock
{
    public override float Height(PdfStyle style) => 0;

    public override void Draw(SKCanvas canvas, PdfStyle style, float x, float y)
    {
    }
}

public sealed class HeadingBlock(string text) : PdfBlock
{
    public override float Height(PdfStyle style) => 26;

    public override void Draw(SKCanvas canvas, PdfStyle style, float x, float y)
    {
        using var ink = PdfStyle.Fill(PdfStyle.Accent);
        using var rule = PdfStyle.Stroke(PdfStyle.Accent, 1.2f);
        canvas.DrawText(text, x, y + 17, SKTextAlign.Left, style.Heading, ink);
        canvas.DrawLine(x, y + 23, x + PdfStyle.ContentWidth, y + 23, rule);
    }
}

public sealed class TextBlock(string text, bool muted = false) : PdfBlock
{
    public override float Height(PdfStyle style) => 14;

    public override void Draw(SKCanvas canvas, PdfStyle style, float x, float y)
    {
        using var ink = PdfStyle.Fill(muted ? PdfStyle.Muted : PdfStyle.Ink);
        canvas.DrawText(PdfStyle.Fit(text, style.Body, PdfStyle.ContentWidth), x, y + 10, SKTextAlign.Left, style.Body, ink);
    }
}
