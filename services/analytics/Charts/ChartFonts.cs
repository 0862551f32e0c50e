using ScottPlot;
using SkiaSharp;

namespace Repitbot.Analytics.Charts;

/// <summary>
/// DejaVu Sans, loaded from its files: the Linux SkiaSharp build we ship has no fontconfig, so a font
/// asked for by family name alone would not be found and Cyrillic would come out as boxes.
/// </summary>
public sealed class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    public ChartFonts(string directory)
    {
        var regular = Path.Combine(directory, "DejaVuSans.ttf");
        var bold = Path.Combine(directory, "DejaVuSans-Bold.ttf");
        Regular = SKTypeface.FromFile(regular) ?? throw new InvalidOperationException($"Charts:FontDirectory: cannot load {regular}");
        Bold = SKTypeface.FromFile(bold) ?? Regular;
        lock (Gate)
        {
            if (!_registered)
            {
                Fonts.AddFontFile(Family, regular, bold: false, italic: false);
                Fonts.AddFontFile(Family, File.Exists(bold) ? bold : regular, bold: true, italic: false);
                Fonts.Default = Family;
                _registered = true;
            }
        }
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }
}
