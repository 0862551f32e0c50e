namespace Repitbot.LoadTester.Report;

/// <summary>
/// The part of a benchmark page written by hand (before/after comparisons, profiles) sits below
/// <see cref="Marker"/>; a new report keeps it, so a full ./bench.sh replaces the tables and never the notes.
/// </summary>
public static class HandWrittenNotes
{
    public const string Marker = "<!-- Written by hand below this line: ./bench.sh keeps it. -->";

    /// <summary>The marker and everything after it in <paramref name="path"/>, or "" when there is none.</summary>
    public static string From(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        var text = File.ReadAllText(path);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? string.Empty : Environment.NewLine + text[at..];
    }
}
