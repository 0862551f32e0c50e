using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.StudyLevels;

/// <summary>The ordered level names a tutor grades with: CEFR A1–C2 unless the tutor defined their own.</summary>
public sealed record StudyLevelScale(string Kind, IReadOnlyList<string> Levels)
{
    public const string CefrKind = "cefr";
    public const string CustomKind = "custom";

    public static readonly StudyLevelScale Cefr = new(CefrKind, ["A1", "A2", "B1", "B2", "C1", "C2"]);

    public static StudyLevelScale Of(LevelScale? own) => own is { Levels.Count: > 0 } ? new(CustomKind, own.Levels) : Cefr;

    /// <summary>
    /// The level as the scale spells it, or null when it is not on the scale. Case is ignored, and on the CEFR
    /// scale so are Cyrillic look-alikes (А, В, С), which a Russian keyboard types for "B1" without a warning.
    /// </summary>
    public string? Find(string typed)
    {
        var wanted = Normalize(typed);
        return Levels.FirstOrDefault(l => string.Equals(Normalize(l), wanted, StringComparison.OrdinalIgnoreCase));
    }

    private string Normalize(string name)
    {
        var trimmed = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Kind == CefrKind
            ? trimmed.Replace('А', 'A').Replace('В', 'B').Replace('С', 'C').Replace('а', 'a').Replace('в', 'b').Replace('с', 'c')
            : trimmed;
    }

    /// <summary>Why a proposed scale cannot be used, or null: 2–20 distinct names of 1–32 characters, no commas.</summary>
    public static string? Problem(IReadOnlyList<string> levels)
    {
        if (levels.Count is < 2 or > StudyLevelLimits.MaxLevels)
        {
            return $"levels must list 2 to {StudyLevelLimits.MaxLevels} names, lowest first.";
        }

        if (levels.FirstOrDefault(l => l.Trim().Length is 0 or > StudyLevelLimits.NameLength || l.Contains(',', StringComparison.Ordinal))
            is { } bad)
        {
            return $"Level name \"{bad}\" must have 1 to {StudyLevelLimits.NameLength} characters and no comma.";
        }

        return levels.Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == levels.Count
            ? null
            : "Level names must differ from each other.";
    }
}
