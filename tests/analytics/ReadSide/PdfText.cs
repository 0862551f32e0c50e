using UglyToad.PdfPig;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>A generated PDF read back with PdfPig: its pages' text (spaces dropped, since PDFs position words rather than spell spaces).</summary>
public sealed record PdfText(IReadOnlyList<string> Pages, string? Title, string? Author, string? Created)
{
    public static PdfText Read(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "Not a PDF.");
        using var document = PdfDocument.Open(pdf);
        return new PdfText(document.GetPages().Select(p => Squash(p.Text)).ToList(), document.Information.Title,
            document.Information.Author, document.Information.CreationDate);
    }

    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public bool Contains(string text) => Pages.Any(p => p.Contains(Squash(text), StringComparison.Ordinal));
}
