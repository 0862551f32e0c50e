namespace Repitbot.Analytics.People;

public static class StudentNames
{
    /// <summary>The display name when analytics knows one, else the start of the id (8 hex digits).</summary>
    public static string Label(Guid id, IReadOnlyDictionary<Guid, string> names) =>
        names.TryGetValue(id, out var name) ? name : ShortId(id);

    public static string ShortId(Guid id) => id.ToString("N")[..8];
}
