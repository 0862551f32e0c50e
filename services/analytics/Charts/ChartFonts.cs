using ScottPlot;
using SkiaSharp;

namespace Repitbot.Analytics.Charts;

/// <summary>
/// DejaVu Sans, loaded from its files: the Linux SkiaSharp build we ship has no fontconfig, so a font
/// asked for by family name alone would not be found and Cyrillic would come out as boxes. One
/// <see cref="SKTypeface"/> per style for the whole process, subset (<see cref="FontSubset"/>), and handed to
/// ScottPlot too: a PDF embeds a font once per typeface instance, so charts and tables share these.
/// </summary>
public sealed class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static (string Directory, SKTypeface Regular, SKTypeface Bold)? _loaded;

    public ChartFonts(string directory)
    {
        lock (Gate)
        {
            if (_loaded is not { } loaded || loaded.Directory != directory)
            {
                var regular = Load(Path.Combine(directory, "DejaVuSans.ttf"))
                    ?? throw new InvalidOperationException($"Charts:FontDirectory: cannot load {Path.Combine(directory, "DejaVuSans.ttf")}");
                loaded = (directory, regular, Load(Path.Combine(directory, "DejaVuSans-Bold.ttf")) ?? regular);
                _loaded = loaded;
                Fonts.FontResolvers.Insert(0, new SharedFontResolver(loaded.Regular, loaded.Bold));
                Fonts.Default = Family;
            }

            (Regular, Bold) = (loaded.Regular, loaded.Bold);
        }
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    private static SKTypeface? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var font = File.ReadAllBytes(path);
        var subset = FontSubset.Subset(font);
        return SKTypeface.FromData(SKData.CreateCopy(subset ?? font));
    }

    /// <summary>Gives ScottPlot the same typeface instances the PDF text uses; the newest loaded fonts win.</summary>
    private sealed class SharedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold1, bool italic) =>
            fontName == Family ? (bold1 ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, (int)weight >= 600, slant != FontSlant.Upright);
    }
}
