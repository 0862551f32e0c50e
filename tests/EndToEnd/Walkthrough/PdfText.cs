using System.Diagnostics;

namespace Repitbot.EndToEnd.Walkthrough;

/// <summary>The text a person reads in a PDF, as poppler's pdftotext extracts it (in reading order).</summary>
public static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"repitbot-walk-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed ({process.ExitCode}): {errors}");
            // Page breaks (form feeds) and the layout's trailing spaces are not something a reader sees.
            return string.Join('\n', text.Replace('\f', '\n').Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
